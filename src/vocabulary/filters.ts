import { Vocabulary } from './vocabulary';

/** Filter modes of device and service principal filters (Graph `filterMode`). */
export const FILTER_MODES = new Vocabulary('filter mode', {
  INCLUDE: { value: 'include', label: 'Include filtered devices' },
  EXCLUDE: { value: 'exclude', label: 'Exclude filtered devices' },
});
