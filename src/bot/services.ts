/**
 * Long-lived feature services, filled in by createBot. Kept in one interface
 * so that features reach each other's services through the context instead of
 * importing singletons.
 */
export interface Services {
  placeholder?: never;
}
