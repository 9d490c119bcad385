import type { CatalogueEntry, displayDtype } from '../../state/catalogue';

type Dtype = ReturnType<typeof displayDtype>;
const DTYPES: readonly Dtype[] = ['q4f16', 'q4', 'q8', 'fp16', 'fp32'];

/** Download sizes as the hub shows them. */
function formatMb(mb: number): string {
  if (mb >= 1000) return `${(mb / 1000).toFixed(1)} GB`;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function sizeText(entry: CatalogueEntry, dtype: Dtype): string | null {
  const mb = entry.sizesMb[dtype];
  return mb === undefined ? null : `${entry.estimated ? '≈' : ''}${formatMb(mb)}`;
}

/** The chosen model's download size per dtype, the one it loads with marked. */
export function ModelSizes({ entry, inUse }: { entry: CatalogueEntry; inUse: Dtype }) {
  const mark = (d: Dtype) => (d === inUse ? 'model-sizes__in-use' : undefined);
  return (
    <table className="model-sizes" data-testid="model-sizes">
      <thead>
        <tr>
          {DTYPES.map((d) => (
            <th key={d} scope="col" className={mark(d)}>
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {DTYPES.map((d) => (
            <td key={d} className={mark(d)} data-in-use={d === inUse ? 'true' : undefined}>
              {sizeText(entry, d) ?? '–'}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
