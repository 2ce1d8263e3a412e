import init, * as bindings from './app-4968c9c86bbcf0d8.js';
const wasm = await init({ module_or_path: './app-4968c9c86bbcf0d8_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
