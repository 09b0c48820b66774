// Bundles the service worker's source with the Workbox modules it imports into one classic
// script (no import at run time, nothing from another host), minified, as Workbox's own build
// does: `node bundle.mjs SOURCE TARGET`. The build runs it once per source and Workbox version.
import { nodeResolve } from "@rollup/plugin-node-resolve";
import replace from "@rollup/plugin-replace";
import terser from "@rollup/plugin-terser";
import { rollup } from "rollup";

const [source, target] = process.argv.slice(2);
const bundle = await rollup({
  input: source,
  plugins: [
    nodeResolve(),
    // Workbox's development logging and checks are dropped in production mode.
    replace({ preventAssignment: true, values: { "process.env.NODE_ENV": JSON.stringify("production") } }),
    terser(),
  ],
});
await bundle.write({ file: target, format: "iife" });
await bundle.close();
