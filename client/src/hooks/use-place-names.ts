import { createContext, useContext } from 'react';

/**
 * English names of the map's features by their Chinese name (name_zh → name_en, from the loaded layers),
 * so text written in English that still names a place in Chinese (a feature's method, a target's
 * wording) can say it in English. Empty outside the provider.
 */
export const PlaceNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The name_zh → name_en map of the loaded features. */
export function usePlaceNames(): ReadonlyMap<string, string> {
  return useContext(PlaceNamesContext);
}
