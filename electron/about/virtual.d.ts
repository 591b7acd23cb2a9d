/** Generated at build time by the `about-data` plugin in electron.vite.config.ts. */
declare module 'virtual:twitchscope-about' {
  const data: import('./data').AboutData;
  export default data;
}
