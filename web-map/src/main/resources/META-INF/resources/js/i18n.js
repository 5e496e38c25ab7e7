// Every UI string, in both languages. Station data (names, addresses, amenity labels) comes
// from the API in the requested language and is not translated here.
const STRINGS = {
  zh: {
    'page.title': '驿站 · 户外劳动者服务站点',
    'brand': '驿站',
    'skip': '跳到站点列表',
    'code.label': '站点编码',
    'code.placeholder': '输入站点编码，如 150302-00017-4',
    'code.submit': '查找',
    'lang.switch': 'English',
    'lang.switch.label': 'Switch to English',
    'map.label': '地图',
    'locate': '定位我的位置',
    'search.here.short': '搜索此处',
    'sheet.title': '附近驿站',
    'sheet.expand': '展开列表',
    'sheet.collapse': '收起列表',
    'filters.label': '筛选',
    'filter.openNow': '营业中',
    'filter.alwaysOpen': '24小时',
    'filter.amenities': '设施',
    'filter.amenitiesChosen': '设施 · {n}',
    'list.label': '附近驿站，按距离排序',
    'list.prompt': '正在获取您的位置…也可以点按地图上的位置或输入站点编码。',
    'list.loading': '正在查找附近驿站…',
    'list.empty': '附近没有符合条件的驿站。试试减少筛选条件或移动地图。',
    'list.count': '{n} 个',
    'distance.m': '{n} 米',
    'distance.km': '{n} 公里',
    'time.walk': '步行 {t}',
    'time.ride': '骑行 {t}',
    'time.min': '{n} 分钟',
    'time.h': '{h} 小时',
    'time.hmin': '{h} 小时 {m} 分钟',
    'open.always': '24小时开放',
    'open.now': '营业中',
    'open.closesAt': '营业中 · {when} 关门',
    'open.closed': '已关门',
    'open.opensAt': '已关门 · {when} 开门',
    'when.today': '{time}',
    'when.tomorrow': '明天 {time}',
    'when.date': '{date} {time}',
    'status.active': '正常开放',
    'status.suspended': '暂停服务',
    'status.closed': '已撤销',
    'host.self_built': '工会自建',
    'host.co_built': '共建',
    'detail.back': '返回列表',
    'detail.code': '编码',
    'detail.address': '地址',
    'detail.hours': '开放时间',
    'detail.host': '承办单位',
    'detail.phone': '电话',
    'detail.status': '状态',
    'detail.amenities': '设施',
    'detail.share': '分享链接',
    'detail.copy': '复制链接',
    'detail.copied': '已复制',
    'detail.navigate': '导航到这里',
    'detail.loading': '正在加载站点…',
    'detail.distance': '距离',
    'nav.amap': '高德地图',
    'nav.baidu': '百度地图',
    'nav.tencent': '腾讯地图',
    'nav.apple': 'Apple 地图',
    'nav.osm': 'OpenStreetMap',
    'nav.google': 'Google 地图',
    'nav.label': '用{app}导航到 {name}',
    'geo.denied': '未获得定位权限。请在浏览器设置中允许定位，或点按地图上的位置、输入站点编码。',
    'geo.unavailable': '无法获取您的位置。请点按地图上的位置或输入站点编码。',
    'geo.unsupported': '此浏览器不支持定位。请点按地图上的位置或输入站点编码。',
    'geo.locating': '正在定位…',
    'you.here': '您的位置',
    'search.point': '搜索位置',
    'tiles.offline': '底图暂时无法加载（可能没有网络）。站点、列表和详情仍可使用。',
    'tiles.partial': '此范围内站点较多，仅显示部分。请放大地图查看全部。',
    'error.network': '网络连接失败，请稍后重试。',
    'error.generic': '服务暂时不可用，请稍后重试。',
    'error.title': '出错了',
    'dismiss': '关闭提示',
    'marker.open': '营业中',
    'marker.closed': '已关门',
    'embed.open': '在驿站中打开',
  },
  en: {
    'page.title': 'Yizhan · rest stations for outdoor workers',
    'brand': 'Yizhan',
    'skip': 'Skip to the station list',
    'code.label': 'Station code',
    'code.placeholder': 'Station code, e.g. 150302-00017-4',
    'code.submit': 'Find',
    'lang.switch': '中文',
    'lang.switch.label': '切换到中文',
    'map.label': 'Map',
    'locate': 'Find my location',
    'search.here.short': 'Search here',
    'sheet.title': 'Stations nearby',
    'sheet.expand': 'Expand list',
    'sheet.collapse': 'Collapse list',
    'filters.label': 'Filters',
    'filter.openNow': 'Open now',
    'filter.alwaysOpen': '24 h',
    'filter.amenities': 'Amenities',
    'filter.amenitiesChosen': 'Amenities · {n}',
    'list.label': 'Stations nearby, nearest first',
    'list.prompt': 'Finding your location… You can also tap the map or type a station code.',
    'list.loading': 'Looking for stations nearby…',
    'list.empty': 'No station nearby matches. Try fewer filters or move the map.',
    'list.count': '{n}',
    'distance.m': '{n} m',
    'distance.km': '{n} km',
    'time.walk': '{t} walk',
    'time.ride': '{t} ride',
    'time.min': '{n} min',
    'time.h': '{h} h',
    'time.hmin': '{h} h {m} min',
    'open.always': 'Open 24 hours',
    'open.now': 'Open now',
    'open.closesAt': 'Open · closes {when}',
    'open.closed': 'Closed',
    'open.opensAt': 'Closed · opens {when}',
    'when.today': 'at {time}',
    'when.tomorrow': 'tomorrow at {time}',
    'when.date': '{date} at {time}',
    'status.active': 'In service',
    'status.suspended': 'Suspended',
    'status.closed': 'Closed down',
    'host.self_built': 'run by the union',
    'host.co_built': 'co-built with a partner',
    'detail.back': 'Back to list',
    'detail.code': 'Code',
    'detail.address': 'Address',
    'detail.hours': 'Opening hours',
    'detail.host': 'Host',
    'detail.phone': 'Phone',
    'detail.status': 'Status',
    'detail.amenities': 'Amenities',
    'detail.share': 'Share link',
    'detail.copy': 'Copy link',
    'detail.copied': 'Copied',
    'detail.navigate': 'Directions',
    'detail.loading': 'Loading the station…',
    'detail.distance': 'Distance',
    'nav.amap': 'Amap',
    'nav.baidu': 'Baidu Maps',
    'nav.tencent': 'Tencent Maps',
    'nav.apple': 'Apple Maps',
    'nav.osm': 'OpenStreetMap',
    'nav.google': 'Google Maps',
    'nav.label': 'Directions to {name} in {app}',
    'geo.denied': 'Location permission denied. Allow it in the browser settings, or tap the map or type a station code.',
    'geo.unavailable': 'Your location is not available. Tap the map or type a station code.',
    'geo.unsupported': 'This browser cannot locate you. Tap the map or type a station code.',
    'geo.locating': 'Locating…',
    'you.here': 'You are here',
    'search.point': 'Search point',
    'tiles.offline': 'The map background cannot load (offline?). Stations, the list and details still work.',
    'tiles.partial': 'Many stations here; showing some. Zoom in to see all.',
    'error.network': 'No connection to the service. Please try again.',
    'error.generic': 'The service is not available right now. Please try again.',
    'error.title': 'Something went wrong',
    'dismiss': 'Dismiss',
    'marker.open': 'open',
    'marker.closed': 'closed',
    'embed.open': 'Open in Yizhan',
  },
};

let current = 'zh';
let titleKey = 'page.title';

/**
 * Adds another page's strings ({zh: {...}, en: {...}}), so the workspace's strings are not
 * downloaded with the courier's map. `title` names the key of that page's document title.
 */
export function addStrings(table, { title } = {}) {
  for (const lang of Object.keys(STRINGS)) Object.assign(STRINGS[lang], table[lang]);
  if (title) titleKey = title;
}

export function setLanguage(lang) {
  current = lang === 'en' ? 'en' : 'zh';
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  document.title = t(titleKey);
}

export function language() {
  return current;
}

export function t(key, params = {}) {
  const text = STRINGS[current][key] ?? STRINGS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Fills elements marked data-i18n (text), data-i18n-label (aria-label, title), data-i18n-placeholder. */
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    el.title = t(el.dataset.i18nLabel);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}
