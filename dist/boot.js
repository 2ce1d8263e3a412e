import init, * as bindings from './app-a7bc45d61a7adcbb.js';
const wasm = await init({ module_or_path: './app-a7bc45d61a7adcbb_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
