/** Style sheets imported for their side effect; webpack bundles them (style-loader). */
declare module "*.css";
