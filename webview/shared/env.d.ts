// Style sheets imported by the apps are bundled by esbuild into dist/webview/<app>.css.
declare module '*.css';
