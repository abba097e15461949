import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';

// The server serves this build at `/console/`; the API lives beside it on the same origin under `/api/v1`.
export default defineConfig({
  base: '/console/',
  root: import.meta.dirname,
  // npm hoists an older React next to some dependencies; one copy must serve the whole bundle.
  resolve: { dedupe: ['react', 'react-dom'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (/node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+)[\\/]/.test(id)) return 'antd';
          if (/node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      // Live updates: the Host header is passed through, so the server's same-origin check accepts the socket.
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
  // npm installed two Vite majors: this app's own runs the build, while @vitejs/plugin-react is typed against the
  // hoisted one. The plugin object is the same at run time; only its declared type differs.
  plugins: [react()] as unknown as PluginOption[],
});
