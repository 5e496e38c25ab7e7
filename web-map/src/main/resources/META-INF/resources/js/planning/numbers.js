import { t, language } from '../i18n.js';

const locale = () => (language() === 'en' ? 'en-GB' : 'zh-CN');

/** A share 0..1 as a percentage with one decimal, e.g. "63.4%". */
export function percent(share) {
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

export function weight(value) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value);
}

export function radius(meters) {
  return meters >= 1000 && meters % 100 === 0 ? t('radius.km', { n: meters / 1000 }) : t('radius.m', { n: meters });
}

export function coordinate(value) {
  return value.toFixed(5);
}
