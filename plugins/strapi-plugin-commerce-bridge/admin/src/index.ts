const PLUGIN_ID = 'commerce-bridge';

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Commerce Bridge' });
  },
};
