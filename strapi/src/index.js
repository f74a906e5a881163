const { ensureDevCredentials } = require('./dev-credentials');

module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    await ensureDevCredentials(strapi, process.env);
  },
};
