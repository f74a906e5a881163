import { Store } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { MedusaSyncPanel } from './edit-view/MedusaSyncPanel';
import { SyncToMedusaAction } from './edit-view/SyncToMedusaAction';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

/** The one content-manager API used here (its full types live in @strapi/content-manager). */
interface ContentManagerApis {
  addDocumentAction: (reducer: (actions: unknown[]) => unknown[]) => void;
  addEditViewSidePanel: (reducer: (panels: unknown[]) => unknown[]) => void;
}

const label = (key: string, defaultMessage: string) => ({ id: `${PLUGIN_ID}.${key}`, defaultMessage });

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Store,
      intlLabel: label('plugin.name', 'Commerce Bridge'),
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/HomePage'),
    });

    app.addSettingsLink(
      { id: PLUGIN_ID, intlLabel: label('settings.section', 'Commerce Bridge') },
      {
        id: `${PLUGIN_ID}-connection`,
        to: PLUGIN_ID,
        intlLabel: label('settings.link', 'Connection'),
        permissions: PERMISSIONS.settings,
        Component: () => import('./pages/SettingsPage'),
      }
    );

    app.registerPlugin({ id: PLUGIN_ID, name: 'Commerce Bridge' });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    contentManager.addDocumentAction((actions) => [...actions, SyncToMedusaAction]);
    contentManager.addEditViewSidePanel((panels) => [...panels, MedusaSyncPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          const prefixed = Object.fromEntries(Object.entries(data as Record<string, string>).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
