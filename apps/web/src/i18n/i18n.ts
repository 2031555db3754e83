// i18next instances for the app and for tests. French is the default; every visible string lives in locales/*.json.
import i18next, { type i18n } from 'i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export const resources = {
  fr: { translation: fr },
  en: { translation: en },
} as const;

const STORAGE_KEY = 'ensemble.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen on a previous visit (a preference, not personal data), else French. */
export function readLanguagePreference(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage can be disabled (private browsing, school policies)
  }
}

function rememberLanguage(language: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the language is harmless.
  }
}

/** A fresh instance per app (and per test), so tests never share the current language. */
export function createI18n(language: Language = DEFAULT_LANGUAGE): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    initAsync: false, // resources are bundled: initialise synchronously, no flash of keys
    interpolation: { escapeValue: false }, // React already escapes
  });
  document.documentElement.lang = language;
  instance.on('languageChanged', (next) => {
    document.documentElement.lang = next;
    rememberLanguage(next);
  });
  return instance;
}
