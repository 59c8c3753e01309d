/**
 * A requesting area's account belongs to one area: it files and reads that area's oficios only.
 */
interface UsersPermissionsPlugin {
  contentTypes: { user: { schema: { attributes: Record<string, unknown> } } };
}

export default (plugin: UsersPermissionsPlugin) => {
  plugin.contentTypes.user.schema.attributes.area = {
    type: 'relation',
    relation: 'manyToOne',
    target: 'api::area.area',
  };
  return plugin;
};
