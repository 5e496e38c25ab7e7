import { feedbackApi } from './api.js';
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { deviceHeaders } from './device.js';
import { icon } from './icons.js';
import { problemText } from './problem.js';

export const TAGS = ['clean', 'warm_enough', 'cool_enough', 'friendly_staff', 'water_available', 'could_charge',
  'could_heat_food', 'quiet', 'open_as_listed', 'easy_to_find'];
export const REASONS = ['closed_when_open', 'cannot_find', 'wrong_location', 'amenity_missing', 'other'];

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** "verified today" or "verified on 2026-11-20", in station time. */
export function verifiedText(instant) {
  const day = DAY.format(new Date(instant));
  return day === DAY.format(new Date()) ? t('feedback.verifiedToday') : t('feedback.verifiedOn', { date: day });
}

/** The device id plus a fresh feedback token: fetched just before each write, so it never expires in an open form. */
async function senderHeaders() {
  const { token, header } = await feedbackApi.token();
  return { ...deviceHeaders(), [header]: token };
}

function toggleChip(label, pressed, attrs = {}) {
  const chip = h('button', { type: 'button', class: 'chip', 'aria-pressed': String(pressed), ...attrs }, label);
  chip.addEventListener('click', () => chip.setAttribute('aria-pressed', String(chip.getAttribute('aria-pressed') !== 'true')));
  return chip;
}

function commentBox(id, labelKey, required = false) {
  return [
    h('label', { for: id, class: 'form-label' }, t(labelKey)),
    h('textarea', { id, class: 'comment-input', maxlength: '200', rows: '2', required }),
  ];
}

/**
 * The feedback part of a station's card: summary, and rate / report / "I used it".
 * `pickPoint()` resolves with {lat, lng, crs} once the worker taps the map.
 */
export function renderFeedback(container, station, { pickPoint, amenityLabels }) {
  const summary = h('p', { class: 'rating-summary', id: 'rating-summary' }, '…');
  const message = h('p', { class: 'feedback-message', id: 'feedback-message', role: 'status', 'aria-live': 'polite' });
  const formBox = h('div', { class: 'feedback-form', id: 'feedback-form' });
  const say = (text, ok) => {
    message.textContent = text;
    message.className = `feedback-message ${ok ? 'is-ok' : 'is-error'}`;
  };

  async function refresh() {
    try {
      const s = await feedbackApi.summary(station.code);
      summary.textContent = s.ratingCount
        ? t('feedback.summary', { stars: s.averageStars.toFixed(1), n: s.ratingCount })
        : t('feedback.noRatings');
    } catch (e) {
      summary.textContent = '';
    }
  }

  function open(form) {
    clear(formBox).append(form);
    say('', true);
    form.querySelector('button, select, textarea')?.focus();
  }

  function rateForm() {
    let stars = 0;
    const starButtons = [1, 2, 3, 4, 5].map((n) => h('button', {
      type: 'button', class: 'star', 'data-stars': n, 'aria-pressed': 'false', 'aria-label': t('feedback.starsLabel', { n }),
    }, icon('star', { className: 'star-icon' })));
    starButtons.forEach((b, i) => b.addEventListener('click', () => {
      stars = i + 1;
      starButtons.forEach((o, j) => o.setAttribute('aria-pressed', String(j <= i)));
    }));
    const chips = TAGS.map((tag) => toggleChip(t(`tag.${tag}`), false, { 'data-tag': tag }));
    const form = h('form', { class: 'rate-form', novalidate: true },
      h('p', { class: 'form-label', id: 'stars-label' }, t('feedback.starsPrompt')),
      h('div', { class: 'stars', role: 'group', 'aria-labelledby': 'stars-label' }, starButtons),
      h('p', { class: 'form-label' }, t('feedback.tagsPrompt')),
      h('div', { class: 'chips wrap' }, chips),
      commentBox('rate-comment', 'feedback.comment'),
      h('button', { type: 'submit', class: 'primary-button', id: 'rate-submit' }, t('feedback.send')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!stars) return say(t('feedback.pickStars'), false);
      const tags = chips.filter((c) => c.getAttribute('aria-pressed') === 'true').map((c) => c.dataset.tag);
      const comment = form.querySelector('textarea').value.trim();
      try {
        await feedbackApi.rate(station.code, { stars, tags, comment: comment || null }, await senderHeaders());
        clear(formBox);
        say(t('feedback.thanksRating'), true);
        refresh();
      } catch (error) {
        say(problemText(error), false);
      }
    });
    return form;
  }

  function reportForm() {
    let pin = null;
    const reasonName = 'report-reason';
    const radios = REASONS.map((r) => h('label', { class: 'radio-row' },
      h('input', { type: 'radio', name: reasonName, value: r }), ' ', t(`reason.${r}`)));
    const keys = station.amenities.length ? station.amenities : [];
    const amenity = h('select', { id: 'report-amenity', class: 'select' },
      h('option', { value: '' }, t('feedback.whichAmenity')),
      keys.map((k, i) => h('option', { value: k }, amenityLabels[i] || k)));
    const pinText = h('span', { class: 'pin-text', id: 'pin-text' });
    const pinButton = h('button', { type: 'button', class: 'small-button', id: 'pick-pin' }, t('feedback.pickPin'));
    pinButton.addEventListener('click', async () => {
      pinText.textContent = t('feedback.tapMap');
      pin = await pickPoint();
      pinText.textContent = t('feedback.pinChosen', { lat: pin.lat.toFixed(5), lng: pin.lng.toFixed(5) });
      pinButton.focus();
    });
    const amenityRow = h('div', { class: 'extra', hidden: true }, h('label', { for: 'report-amenity', class: 'form-label' }, t('feedback.amenity')), amenity);
    const pinRow = h('div', { class: 'extra', hidden: true }, pinButton, ' ', pinText);
    const form = h('form', { class: 'report-form', novalidate: true },
      h('fieldset', { class: 'reasons' }, h('legend', { class: 'form-label' }, t('feedback.reasonPrompt')), radios),
      amenityRow, pinRow,
      commentBox('report-text', 'feedback.details'),
      h('button', { type: 'submit', class: 'primary-button', id: 'report-submit' }, t('feedback.send')));
    form.addEventListener('change', () => {
      const reason = form.querySelector(`input[name=${reasonName}]:checked`)?.value;
      amenityRow.hidden = reason !== 'amenity_missing';
      pinRow.hidden = reason !== 'wrong_location';
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const reason = form.querySelector(`input[name=${reasonName}]:checked`)?.value;
      if (!reason) return say(t('feedback.pickReason'), false);
      const body = { reason, text: form.querySelector('textarea').value.trim() || null };
      if (reason === 'amenity_missing') body.amenity = amenity.value || null;
      if (reason === 'wrong_location') {
        if (!pin) return say(t('feedback.needPin'), false);
        body.location = { lat: pin.lat, lng: pin.lng };
        body.crs = pin.crs;
      }
      try {
        await feedbackApi.report(station.code, body, await senderHeaders());
        clear(formBox);
        say(t('feedback.thanksReport'), true);
      } catch (error) {
        say(problemText(error), false);
      }
    });
    return form;
  }

  const rate = h('button', { type: 'button', class: 'action-button', id: 'rate-button' }, icon('star'), t('feedback.rate'));
  const report = h('button', { type: 'button', class: 'action-button', id: 'report-button' }, icon('warning'), t('feedback.report'));
  const used = h('button', { type: 'button', class: 'action-button', id: 'checkin-button' }, icon('check'), t('feedback.used'));
  rate.addEventListener('click', () => open(rateForm()));
  report.addEventListener('click', () => open(reportForm()));
  used.addEventListener('click', async () => {
    try {
      await feedbackApi.checkin(station.code, await senderHeaders());
      used.disabled = true;
      say(t('feedback.thanksCheckin'), true);
    } catch (error) {
      say(problemText(error), false);
    }
  });

  clear(container).append(
    h('h3', { class: 'section-title', id: 'feedback-title' }, t('feedback.title')),
    summary,
    h('div', { class: 'feedback-actions' }, rate, report, used),
    message,
    formBox);
  refresh();
}
