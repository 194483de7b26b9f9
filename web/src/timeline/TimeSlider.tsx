import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { formatInZone } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';
import { WINDOW_LENGTHS, type WindowLength } from '../url-state/url-state';
import type { BucketWindow } from './timeline-cube';
import './time-slider.css';

export const PLAYBACK_SPEEDS = [1, 2, 4, 8] as const;

export interface TimeSliderProps {
  /** Messages per bucket: the histogram. */
  totals: readonly number[];
  /** Bucket edges in epoch ms (totals.length + 1 of them). */
  edges: ArrayLike<number>;
  window: BucketWindow;
  onWindowChange(window: BucketWindow): void;
  playing: boolean;
  onPlayingChange(playing: boolean): void;
  speed: number;
  onSpeedChange(speed: number): void;
  windowLength: WindowLength;
  onWindowLengthChange(length: WindowLength): void;
  /** The window lengths offered; the public map has no day buckets. Default: all. */
  windowLengths?: readonly WindowLength[];
  cumulative: boolean;
  onCumulativeChange(cumulative: boolean): void;
  timeZone: string;
  /** Told when a pointer drag starts and ends, so the app can hold its requests until release. */
  onScrubbingChange?(scrubbing: boolean): void;
}

/** Moves a window by `delta` buckets keeping its width, or resizes its end, within [0, count]. */
export function shiftWindow(
  window: BucketWindow,
  delta: number,
  count: number,
  resize = false,
): BucketWindow {
  const width = window.end - window.start;
  if (resize) {
    const end = Math.max(window.start + 1, Math.min(count, window.end + delta));
    return { start: window.start, end };
  }
  const start = Math.max(0, Math.min(count - width, window.start + delta));
  return { start, end: start + width };
}

export function TimeSlider(props: TimeSliderProps) {
  const { totals, edges, window, onWindowChange, timeZone } = props;
  const { t, locale } = useI18n();
  const trackRef = useRef<HTMLDivElement>(null);
  const dragRef = useRef<{ offset: number } | null>(null);
  const count = totals.length;
  const max = Math.max(1, ...totals);
  const width = window.end - window.start;

  const day = (ms: number) => formatInZone(ms, locale, timeZone, 'day');
  const fromMs = edges[window.start] ?? 0;
  const lastMs = (edges[window.end] ?? fromMs) - 1;
  const valueText = t('slider.valueText', { from: day(fromMs), to: day(lastMs) });

  const bucketAt = (clientX: number) => {
    const rect = trackRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return Math.floor(((clientX - rect.left) / rect.width) * count);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const bucket = bucketAt(event.clientX);
    const inside = bucket >= window.start && bucket < window.end;
    const offset = inside ? bucket - window.start : Math.floor(width / 2);
    dragRef.current = { offset };
    props.onScrubbingChange?.(true);
    event.currentTarget.setPointerCapture?.(event.pointerId);
    if (!inside) onWindowChange(shiftWindow(window, bucket - offset - window.start, count));
    event.currentTarget.querySelector<HTMLElement>('[role="slider"]')?.focus();
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragRef.current) return;
    const start = bucketAt(event.clientX) - dragRef.current.offset;
    if (start !== window.start) onWindowChange(shiftWindow(window, start - window.start, count));
  };

  const onPointerUp = () => {
    if (dragRef.current) props.onScrubbingChange?.(false);
    dragRef.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.round(count / 10));
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowDown: -1,
      ArrowRight: 1,
      ArrowUp: 1,
      PageDown: -page,
      PageUp: page,
      Home: -count,
      End: count,
    };
    if (event.key === ' ') {
      event.preventDefault();
      props.onPlayingChange(!props.playing);
      return;
    }
    const delta = moves[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    onWindowChange(shiftWindow(window, delta, count, event.shiftKey));
  };

  const bucketWord = t(`bucket.${props.windowLength}` as MessageKey);

  return (
    <section className="time-slider" aria-label={t('slider.label')}>
      <div className="time-slider__controls">
        <button
          type="button"
          className="time-slider__play"
          aria-label={props.playing ? t('slider.pause') : t('slider.play')}
          aria-pressed={props.playing}
          onClick={() => props.onPlayingChange(!props.playing)}
        >
          <span aria-hidden="true">{props.playing ? '❚❚' : '▶'}</span>
        </button>
        <button
          type="button"
          aria-label={t('slider.stepBack')}
          onClick={() => onWindowChange(shiftWindow(window, -1, count))}
        >
          <span aria-hidden="true">◀</span>
        </button>
        <button
          type="button"
          aria-label={t('slider.stepForward')}
          onClick={() => onWindowChange(shiftWindow(window, 1, count))}
        >
          <span aria-hidden="true">▶▶</span>
        </button>
        <label>
          {t('slider.speed')}{' '}
          <select value={props.speed} onChange={(event) => props.onSpeedChange(Number(event.target.value))}>
            {PLAYBACK_SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('slider.window')}{' '}
          <select
            value={props.windowLength}
            onChange={(event) => props.onWindowLengthChange(event.target.value as WindowLength)}
          >
            {(props.windowLengths ?? WINDOW_LENGTHS).map((length) => (
              <option key={length} value={length}>
                {t(`slider.window.${length}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={props.cumulative}
            onChange={(event) => props.onCumulativeChange(event.target.checked)}
          />{' '}
          {t('slider.cumulative')}
        </label>
        <output className="time-slider__value" aria-live="off">
          {valueText}
        </output>
      </div>
      <div
        ref={trackRef}
        className="time-slider__track"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <svg
          className="time-slider__histogram"
          viewBox={`0 0 ${Math.max(1, count)} 100`}
          preserveAspectRatio="none"
          role="img"
          aria-label={t('slider.histogram', { bucket: bucketWord })}
        >
          {totals.map((total, index) => {
            const height = (total / max) * 96;
            const inWindow = props.cumulative
              ? index < window.end
              : index >= window.start && index < window.end;
            return (
              <rect
                // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional
                key={index}
                x={index + 0.08}
                y={100 - height}
                width={0.84}
                height={height}
                className={inWindow ? 'bar bar--in' : 'bar'}
              />
            );
          })}
        </svg>
        <div
          role="slider"
          tabIndex={0}
          className="time-slider__brush"
          aria-label={t('slider.label')}
          aria-valuemin={0}
          aria-valuemax={Math.max(0, count - width)}
          aria-valuenow={window.start}
          aria-valuetext={valueText}
          onKeyDown={onKeyDown}
          style={{
            left: `${(window.start / Math.max(1, count)) * 100}%`,
            width: `${(width / Math.max(1, count)) * 100}%`,
          }}
        />
      </div>
      <div className="time-slider__axis" aria-hidden="true">
        <span>{formatInZone(edges[0] ?? 0, locale, timeZone, 'month')}</span>
        <span>{formatInZone((edges[count] ?? 1) - 1, locale, timeZone, 'month')}</span>
      </div>
    </section>
  );
}
