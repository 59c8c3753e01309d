import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { MENU_PERMISSIONS } from './permissions';
import { landStaffOnQueues, type LandingApp } from './landing';

type TranslationModule = { default: Record<string, string> };

const prefix = (messages: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value])
  );

export default {
  register(app: {
    addMenuLink: (link: unknown) => void;
    registerPlugin: (plugin: unknown) => void;
  }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Comunicación Social' },
      Component: () => import('./pages/App'),
      permissions: MENU_PERMISSIONS,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Comunicación Social' });
    // After login staff open their Bandejas instead of Strapi's home page. `register` is handed
    // the whole admin app, its router included (`bootstrap` is not).
    landStaffOnQueues(app as typeof app & LandingApp);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(
            `./translations/${locale}.json`
          )) as TranslationModule;
          return { data: prefix(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
