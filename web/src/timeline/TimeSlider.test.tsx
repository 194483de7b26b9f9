import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { I18nProvider, type Locale } from '../i18n/i18n';
import type { WindowLength } from '../url-state/url-state';
import { shiftWindow, TimeSlider } from './TimeSlider';
import type { BucketWindow } from './timeline-cube';

// Ten day buckets in Budapest, from 2024-03-01 local midnight (UTC+1).
const EDGES = Array.from({ length: 11 }, (_, index) => Date.UTC(2024, 1, 29, 23) + index * 86_400_000);
const TOTALS = [3, 0, 5, 8, 2, 9, 1, 0, 4, 6];

function Harness({
  locale = 'ru',
  initial = { start: 0, end: 1 },
}: {
  locale?: Locale;
  initial?: BucketWindow;
}) {
  const [window, setWindow] = useState(initial);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [length, setLength] = useState<WindowLength>('day');
  const [cumulative, setCumulative] = useState(false);
  return (
    <I18nProvider locale={locale}>
      <TimeSlider
        totals={TOTALS}
        edges={EDGES}
        window={window}
        onWindowChange={setWindow}
        playing={playing}
        onPlayingChange={setPlaying}
        speed={speed}
        onSpeedChange={setSpeed}
        windowLength={length}
        onWindowLengthChange={setLength}
        cumulative={cumulative}
        onCumulativeChange={setCumulative}
        timeZone="Europe/Budapest"
      />
    </I18nProvider>
  );
}

describe('shiftWindow', () => {
  test('moves keeping the width, clamped to the range', () => {
    expect(shiftWindow({ start: 2, end: 4 }, 3, 10)).toEqual({ start: 5, end: 7 });
    expect(shiftWindow({ start: 2, end: 4 }, 30, 10)).toEqual({ start: 8, end: 10 });
    expect(shiftWindow({ start: 2, end: 4 }, -30, 10)).toEqual({ start: 0, end: 2 });
  });

  test('resizes the end, never below one bucket', () => {
    expect(shiftWindow({ start: 2, end: 4 }, 2, 10, true)).toEqual({ start: 2, end: 6 });
    expect(shiftWindow({ start: 2, end: 4 }, -5, 10, true)).toEqual({ start: 2, end: 3 });
  });
});

describe('TimeSlider', () => {
  test('is a slider whose value text names the window in the region zone', () => {
    render(<Harness locale="en" />);
    const slider = screen.getByRole('slider');
    expect(slider.getAttribute('aria-valuenow')).toBe('0');
    expect(slider.getAttribute('aria-valuetext')).toBe('from Mar 1, 2024 to Mar 1, 2024');
  });

  test('arrow keys step, End jumps to the last bucket, Shift+arrow widens', async () => {
    const user = userEvent.setup();
    render(<Harness locale="en" />);
    const slider = screen.getByRole('slider');
    slider.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(slider.getAttribute('aria-valuenow')).toBe('2');
    expect(slider.getAttribute('aria-valuetext')).toBe('from Mar 3, 2024 to Mar 3, 2024');
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(slider.getAttribute('aria-valuetext')).toBe('from Mar 3, 2024 to Mar 4, 2024');
    await user.keyboard('{End}');
    expect(slider.getAttribute('aria-valuenow')).toBe('8');
    await user.keyboard('{ArrowLeft}');
    expect(slider.getAttribute('aria-valuenow')).toBe('7');
  });

  test('space on the slider toggles playback; the play button says what it will do', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByRole('button', { name: 'Воспроизвести' })).toBeTruthy();
    screen.getByRole('slider').focus();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Пауза' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Пауза' }));
    expect(screen.getByRole('button', { name: 'Воспроизвести' })).toBeTruthy();
  });

  test('the histogram has one bar per bucket, scaled to the busiest, with the window highlighted', () => {
    const { container } = render(<Harness initial={{ start: 2, end: 4 }} />);
    const bars = container.querySelectorAll('rect');
    expect(bars).toHaveLength(10);
    expect(bars[5]?.getAttribute('height')).toBe('96');
    expect(bars[1]?.getAttribute('height')).toBe('0');
    expect([...container.querySelectorAll('rect.bar--in')].map((bar) => bar.getAttribute('x'))).toEqual([
      '2.08',
      '3.08',
    ]);
  });

  test('clicking the track moves the window there', () => {
    const { container } = render(<Harness />);
    const track = container.querySelector('.time-slider__track') as HTMLElement;
    track.getBoundingClientRect = () => ({ left: 0, width: 1000, top: 0, height: 50 }) as DOMRect;
    fireEvent.pointerDown(track, { clientX: 650, pointerId: 1 });
    expect(screen.getByRole('slider').getAttribute('aria-valuenow')).toBe('6');
  });

  test('the step buttons, window length and cumulative switch work by keyboard-reachable controls', async () => {
    const user = userEvent.setup();
    render(<Harness locale="en" />);
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(screen.getByRole('slider').getAttribute('aria-valuenow')).toBe('1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Window' }), 'week');
    expect((screen.getByRole('combobox', { name: 'Window' }) as HTMLSelectElement).value).toBe('week');
    await user.click(screen.getByRole('checkbox', { name: 'Cumulative' }));
    expect((screen.getByRole('checkbox', { name: 'Cumulative' }) as HTMLInputElement).checked).toBe(true);
  });
});
