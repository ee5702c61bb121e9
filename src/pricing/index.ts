export {
  createPriceTable,
  DEFAULT_PRICES,
  ModelPrice,
  PRICES_AS_OF,
  type PriceTable,
  type PriceTableOptions,
} from './price-table.ts';
