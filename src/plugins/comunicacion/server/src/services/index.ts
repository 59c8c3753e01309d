/** Services of the plugin, reached through `strapi.plugin('comunicacion').service(name)`. */
export default {};
