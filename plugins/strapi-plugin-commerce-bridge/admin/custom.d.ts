// `@strapi/strapi/admin` ships its own types; no ambient stand-in is declared here so they apply.
export {};
