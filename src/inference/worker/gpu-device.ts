import { env } from '@huggingface/transformers';

/**
 * Browser-only (the worker): a lost WebGPU device (a driver reset, another tab taking the GPU,
 * the device destroyed) leaves every session on it unusable. ONNX Runtime hands out the device it
 * runs on; when that device is lost, `onLost` says why, once per device, and the page replaces
 * the worker (its models load again on a new device, or on WASM if WebGPU is gone).
 */
const watched = new WeakSet<object>();

export function watchGpuDevice(onLost: (reason: string) => void): void {
  const webgpu = (env.backends.onnx as { webgpu?: { device?: Promise<GPUDevice> } }).webgpu;
  void Promise.resolve(webgpu?.device)
    .then((device) => {
      if (!device || watched.has(device)) return;
      watched.add(device);
      void device.lost.then((info) =>
        onLost(`its WebGPU device was lost (${info.reason}${info.message ? `: ${info.message}` : ''})`),
      );
    })
    .catch(() => undefined);
}
