import { useShallow } from 'zustand/react/shallow';
import { DTYPE_SETTINGS, type DtypeSetting } from '../../state/setup';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';

const LABELS: Readonly<Record<DtypeSetting, string>> = {
  auto: 'By device: q4f16 or q4 on WebGPU, q8 on WASM',
  q8: 'q8 (8-bit; the prefix cache stays off)',
  q4: 'q4 (4-bit weights, fp32 activations)',
  q4f16: 'q4f16 (4-bit weights, fp16; WebGPU with shader-f16)',
  fp32: 'fp32 (largest, exact)',
};

const selectDtype = (s: PlaygroundState) => ({ dtype: s.setup.dtype, setField: s.setField });

/**
 * Which weights a hub model loads. By the device unless picked: q8 is the smallest on WASM but
 * quantizes activations per call, so the prefix cache cannot reuse what it computed; q4 keeps
 * activations in fp32 and reuses them, at a larger download for the catalogue's models.
 */
export function DtypeOption() {
  const { dtype, setField } = usePlayground(useShallow(selectDtype));
  const choose = (value: string) => {
    const found = DTYPE_SETTINGS.find((d) => d === value);
    if (found) setField('dtype', found);
  };
  return (
    <div className="panel__field">
      <label className="panel__label" htmlFor="models-dtype">
        Weights of hub models
      </label>
      <select
        id="models-dtype"
        className="panel__input"
        data-testid="select-dtype"
        value={dtype}
        onChange={(e) => choose(e.target.value)}
      >
        {DTYPE_SETTINGS.map((d) => (
          <option key={d} value={d}>
            {LABELS[d]}
          </option>
        ))}
      </select>
      <span className="panel__hint">the embedded models always run fp32</span>
    </div>
  );
}
