export { containsInsult, findInsult, normalizeForModeration } from './moderation';
export {
  buildModerationList,
  SOURCE_LISTS,
  type ListEntry,
  type ModerationList,
} from './word-list';
export { EXTRA_WORDS } from './extra-words';
export { INNOCENT_PHRASES, REMOVED_LIST_ENTRIES } from './allowlist';
