import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The server serves this build at `/`; the API, the console and FHIR live beside it on the same origin,
// so the service worker must never answer those paths with the app shell.
const notTheApp = [/^\/api\//, /^\/api$/, /^\/console/, /^\/fhir/, /^\/healthz/, /^\/readyz/, /^\/metrics/];

export default defineConfig({
  base: '/',
  root: import.meta.dirname,
  // npm hoists another React next to some dependencies; one copy must serve the whole bundle.
  resolve: { dedupe: ['react', 'react-dom'] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      // Live updates: the Host header is passed through, so the server's same-origin check accepts the socket.
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
  // npm installed two Vite majors: the app's own runs the build, while the plugins are typed against the hoisted
  // one. The plugin objects are the same at run time; only their declared types differ.
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'CareLoop 健康',
        short_name: 'CareLoop',
        description: '医患沟通与健康管理 · Doctor-patient communication and health management',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cd5',
        icons: [
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        navigateFallback: 'index.html',
        navigateFallbackDenylist: notTheApp,
        cleanupOutdatedCaches: true,
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // Shows web pushes and opens their link on a tap (public/push-sw.js).
        importScripts: ['/push-sw.js'],
      },
    }),
  ] as unknown as PluginOption[],
});
