import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { LiveDemoBadge } from '../live/LiveDemoBadge';
import { Legend } from '../map/Legend';
import type { DistrictShape } from '../map/layers/district-layers';
import { MapView } from '../map/MapView';
import { mapStyle } from '../map/map-style';
import { PUBLIC_BASEMAP_PATH, STAFF_BASEMAP_PATH, useBasemap } from '../map/use-basemap';
import { buildTimelineCube } from '../timeline/timeline-cube';
import { buildCycle } from './cycle-schedule';
import { cellBounds, unionBounds } from './focus-bounds';
import { useCellDetail } from './use-cell-detail';
import { useCycle } from './use-cycle';
import { usePlaybackFrame } from './use-playback-frame';
import { useWallLayers } from './use-wall-layers';
import { useWallLive } from './use-wall-live';
import { WallHeadline } from './WallHeadline';
import { WallNewsPanel } from './WallNewsPanel';
import { WallStatus } from './WallStatus';
import { WallStepPanel } from './WallStepPanel';
import type { WallDistricts } from './wall-api-types';
import { wallBasemapStyle } from './wall-basemap-style';
import { readWallConfig } from './wall-config';
import './wall.css';

const BUDAPEST: [number, number, number, number] = [18.93, 47.35, 19.34, 47.62];
const noop = () => {};

function districtShapes(districts: WallDistricts | null): DistrictShape[] {
  return (districts?.features ?? []).map((feature) => ({
    id: feature.id,
    name: feature.properties.name,
    coordinates: feature.geometry.coordinates,
  }));
}

/**
 * /wall: the control-room screen. Nobody touches it: it polls for new data, cycles through the
 * hotspots and districts with the 7-day playback between them, and says when its data is stale.
 * Configured by its URL (wall-config.ts). Progress is exposed in data attributes for tests and the soak.
 */
export function WallScreen() {
  const { t } = useI18n();
  // Read once: a wall is configured by the link it was opened with.
  const [config] = useState(() => readWallConfig(window.location.search));
  const { data, connection, access, client } = useWallLive(config);

  const districtsData = data?.districts ?? null;
  const shapes = useMemo(() => districtShapes(districtsData), [districtsData]);
  const cube = useMemo(() => (data?.timeline ? buildTimelineCube(data.timeline) : null), [data?.timeline]);
  const cycle = useMemo(() => {
    if (!data) return [];
    const features = [...data.districts.features];
    const chosen =
      config.districts.length > 0
        ? features.filter((f) =>
            config.districts.some((name) => name === f.properties.name || name === String(f.id)),
          )
        : features
            .sort((a, b) => (b.properties.count ?? 0) - (a.properties.count ?? 0))
            .slice(0, config.topDistricts);
    return buildCycle({
      hotspots: data.recent.topCells.slice(0, config.hotspots),
      districts: chosen.map((f) => ({ id: f.id, name: f.properties.name })),
      stepMs: config.stepSeconds * 1000,
      playbackMs: config.playbackSeconds * 1000,
      playback: cube !== null && cube.bucketCount > 0,
      news: (data.news?.items.length ?? 0) > 0,
    });
  }, [data, cube, config]);
  const position = useCycle(cycle, config.speed);
  const step = position?.entry.step ?? null;
  const playing = step?.kind === 'playback';
  const bucket = usePlaybackFrame(
    playing,
    cube?.bucketCount ?? 0,
    (position?.entry.durationMs ?? 0) / config.speed,
  );
  const { layers, scale } = useWallLayers({ data, shapes, step, cube, bucket: playing ? bucket : null });
  const detail = useCellDetail(
    client,
    step?.kind === 'hotspot' ? step.h3 : null,
    data?.windows.recent ?? null,
    data?.key ?? null,
  );

  const meta = data?.meta ?? null;
  const regionBounds = useMemo(() => {
    if (!meta) return BUDAPEST;
    const named = meta.districts.filter((d) =>
      config.districts.some((name) => name === d.name || name === String(d.id)),
    );
    return unionBounds(named.map((d) => d.bbox)) ?? (meta.extent.bbox as typeof BUDAPEST | null) ?? BUDAPEST;
  }, [meta, config.districts]);
  const stepKey = position ? `${position.steps}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new box per step (stepKey), not per render
  const focusBounds = useMemo(() => {
    if (step?.kind === 'hotspot') return cellBounds(step.h3, 3);
    if (step?.kind === 'news') {
      return unionBounds((data?.news?.items ?? []).map((item) => cellBounds(item.h3, 3))) ?? regionBounds;
    }
    if (step?.kind === 'district') {
      const box = data?.meta.districts.find((d) => d.id === step.id)?.bbox;
      return box ? (box as typeof BUDAPEST) : regionBounds;
    }
    return regionBounds;
  }, [stepKey]);

  // Asked once the first data says which API this wall reads (a public wall has no session).
  const basemap = useBasemap(
    data ? (access === 'public' ? PUBLIC_BASEMAP_PATH : STAFF_BASEMAP_PATH) : undefined,
  );
  const [style, setStyle] = useState<ReturnType<typeof mapStyle> | null>(null);
  useEffect(() => {
    // The basemap is built once, from the first district shapes; later data only changes the layers.
    if (style || !data || basemap === undefined) return;
    const shapes = data.districts as never;
    setStyle(mapStyle(basemap, 'dark', shapes, () => wallBasemapStyle(shapes)));
  }, [data, style, basemap]);

  const timeZone = data?.meta.timezone ?? 'Europe/Budapest';
  return (
    <section
      className="wall"
      aria-label={t('wall.label')}
      data-wall-steps={position?.steps ?? 0}
      data-wall-cycles={position?.cycles ?? 0}
      data-wall-step-key={position?.entry.key ?? ''}
      data-wall-data={data?.key ?? ''}
    >
      <header className="wall__top">
        <WallHeadline
          today={data?.today ?? null}
          recent={data?.recent ?? null}
          all={data?.all ?? null}
          windowDays={config.windowDays}
        />
        <WallStatus connection={connection} access={access} timeZone={timeZone} anchored={config.at} />
        {data?.meta.liveDemo && <LiveDemoBadge size="wall" />}
      </header>
      <main className="wall__body">
        <div className="wall__map">
          {style && (
            <MapView
              style={style}
              initialView={{ bounds: regionBounds }}
              layers={layers}
              onViewChange={noop}
              ariaLabel={t('wall.label')}
              focusBounds={focusBounds}
            />
          )}
          {scale && (
            <div className="wall__legend">
              <Legend scale={scale} title={t('wall.messages')} formatValue={(value) => String(value)} />
            </div>
          )}
        </div>
        <aside className="wall__side">
          {step?.kind === 'news' && data?.news && (
            <WallNewsPanel news={data.news} day={data.windows.today.from} shapes={shapes} />
          )}
          {step && step.kind !== 'news' && data && (
            <WallStepPanel
              step={step}
              hotspotCount={Math.min(config.hotspots, data.recent.topCells.length)}
              cell={step.kind === 'hotspot' ? data.hexagons.cells.find((c) => c.h3 === step.h3) : undefined}
              detail={detail}
              district={
                step.kind === 'district' ? data.districts.features.find((f) => f.id === step.id) : undefined
              }
              shapes={shapes}
              cube={cube}
              bucket={bucket}
              timeZone={timeZone}
            />
          )}
          <ol className="wall__progress" aria-hidden="true">
            {cycle.map((entry, index) => (
              <li key={entry.key} className={index === position?.index ? 'is-current' : undefined} />
            ))}
          </ol>
        </aside>
      </main>
    </section>
  );
}
