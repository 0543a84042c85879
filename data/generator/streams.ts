/**
 * @module generator/streams
 * One random stream per purpose (common/random.ts `new Rng(seed, STREAM.x, …)`), so tables can be
 * generated in any order and still come out the same.
 */
export const STREAM = {
  geography: 1,
  basePopulation: 2,
  simulation: 3,
  births: 4,
  migrantBirths: 5,
  deaths: 6,
  marriages: 7,
  migrantsIn: 8,
  migrantsOut: 9,
  defects: 10,
  migrantChildren: 11,
} as const;

