import { readableOn } from '../paint.ts';
import { fittedText, sansSerif, type Theme } from '../theme.ts';
import { element, fragment } from '../xml.ts';

/** A flat badge in the style of shields.io: the label on grey, the value on the accent colour. */

const height = 20;
const padding = 6;
const fontSize = 11;
const baseline = 14;
const radius = 3;

export const badge: Theme = {
  defaultDigits: 1,
  labelledByDefault: true,
  palette: (scheme, { color, labelColor }) => {
    const accent = color ?? (scheme === 'light' ? '#2563eb' : '#1d4ed8');
    const label = labelColor ?? (scheme === 'light' ? '#4b5563' : '#374151');
    return { accent, label, onAccent: readableOn(accent), onLabel: readableOn(label) };
  },
  draw: ({ values, label }, paint) => {
    const labelText = label === '' ? undefined : fittedText(label, padding, baseline, fontSize, paint.fill('onLabel'));
    const labelWidth = labelText ? labelText.width + 2 * padding : 0;
    const valueText = fittedText(values.join(' / '), labelWidth + padding, baseline, fontSize, paint.fill('onAccent'));
    const width = labelWidth + valueText.width + 2 * padding;
    // The label's box is rounded on the left only, drawn over the fully rounded value box.
    const labelBox = labelText
      ? element('path', {
          class: paint.fill('label'),
          d: `M${radius} 0H${labelWidth}V${height}H${radius}a${radius} ${radius} 0 0 1-${radius}-${radius}V${radius}a${radius} ${radius} 0 0 1 ${radius}-${radius}z`,
        })
      : fragment();
    return {
      width,
      height,
      body: fragment(
        element('rect', { width, height, rx: radius, class: paint.fill('accent') }),
        labelBox,
        element('g', { 'font-family': sansSerif, 'font-size': fontSize }, labelText?.markup ?? fragment(), valueText.markup),
      ),
    };
  },
};
