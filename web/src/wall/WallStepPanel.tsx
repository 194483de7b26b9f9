import { cellToLatLng } from 'h3-js';
import { formatDuration, formatInZone } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n';
import type { DistrictShape } from '../map/layers/district-layers';
import { districtAt } from '../summary/district-at';
import type { TimelineCube } from '../timeline/timeline-cube';
import type { WallStep } from './cycle-schedule';
import type { CellDetail } from './use-cell-detail';
import type { WallDistrict, WallHexagonCell } from './wall-api-types';

export interface WallStepPanelProps {
  step: WallStep;
  hotspotCount: number;
  cell: WallHexagonCell | undefined;
  detail: CellDetail | null;
  district: WallDistrict | undefined;
  shapes: readonly DistrictShape[];
  cube: TimelineCube | null;
  bucket: number | null;
  timeZone: string;
}

function Numbers({ items }: { items: { key: string; label: string; value: string }[] }) {
  return (
    <dl className="wall-panel__numbers">
      {items.map((item) => (
        <div key={item.key}>
          <dt>{item.label}</dt>
          <dd data-wall-panel={item.key}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What the map is showing now, in words and numbers: the hotspot, the district or the playback. */
export function WallStepPanel(props: WallStepPanelProps) {
  const translator = useI18n();
  const { t, formatNumber, locale } = translator;
  const { step } = props;
  const metrics = (count: number | null, open: number | null, median: number | null) => [
    { key: 'count', label: t('wall.messages'), value: count === null ? '—' : formatNumber(count) },
    { key: 'open', label: t('wall.openShort'), value: open === null ? '—' : formatNumber(open) },
    { key: 'median', label: t('wall.medianShort'), value: formatDuration(median, translator) },
  ];

  if (step.kind === 'hotspot') {
    const [lat, lon] = cellToLatLng(step.h3);
    const name = districtAt(lon, lat, props.shapes)?.name ?? step.h3;
    const cell = props.cell;
    return (
      <section className="wall-panel" data-wall-step="hotspot" data-wall-cell={step.h3}>
        <p className="wall-panel__kicker">
          {t('wall.hotspot', { rank: step.rank, total: props.hotspotCount })}
        </p>
        <h2 className="wall-panel__title">{name}</h2>
        <Numbers
          items={metrics(cell?.count ?? step.count, cell?.open ?? null, cell?.medianAnswerMinutes ?? null)}
        />
        {props.detail && props.detail.categories.length > 0 && (
          <>
            <h3>{t('wall.topCategories')}</h3>
            <ol className="wall-panel__list">
              {props.detail.categories.map((category) => (
                <li key={category.name}>
                  <span>{category.name}</span>
                  <span className="wall-panel__count">{formatNumber(category.count)}</span>
                </li>
              ))}
            </ol>
          </>
        )}
        {props.detail && props.detail.latest.length > 0 && (
          <>
            <h3>{t('wall.latest')}</h3>
            <ul className="wall-panel__examples">
              {props.detail.latest.map((message) => (
                <li key={message.key}>{message.title}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    );
  }

  if (step.kind === 'district') {
    const p = props.district?.properties;
    return (
      <section className="wall-panel" data-wall-step="district" data-wall-district={step.id}>
        <p className="wall-panel__kicker">{t('wall.district')}</p>
        <h2 className="wall-panel__title">{step.name}</h2>
        <Numbers items={metrics(p?.count ?? null, p?.open ?? null, p?.medianAnswerMinutes ?? null)} />
      </section>
    );
  }

  if (step.kind === 'playback' && props.cube) {
    const { cube, bucket } = props;
    const end = bucket === null ? null : cube.edges[bucket + 1];
    const peak = Math.max(1, ...cube.totals);
    return (
      <section className="wall-panel" data-wall-step="playback">
        <p className="wall-panel__kicker">{t('wall.playback')}</p>
        <h2 className="wall-panel__title" data-wall-frame={bucket ?? ''}>
          {end === undefined || end === null ? '—' : formatInZone(end, locale, props.timeZone, 'day')}
        </h2>
        <p className="wall-panel__hint">
          {end ? t('wall.playbackFrame', { time: formatInZone(end, locale, props.timeZone, 'minute') }) : ''}
        </p>
        <div className="wall-panel__sparkline" aria-hidden="true">
          {cube.totals.map((total, index) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional and fixed per cube
              key={index}
              className={bucket !== null && index <= bucket ? 'is-past' : undefined}
              style={{ height: `${(100 * total) / peak}%` }}
            />
          ))}
        </div>
      </section>
    );
  }

  return (
    <section className="wall-panel" data-wall-step="overview">
      <p className="wall-panel__kicker">{t('wall.overview')}</p>
      <h2 className="wall-panel__title">{t('wall.noHotspots')}</h2>
    </section>
  );
}
