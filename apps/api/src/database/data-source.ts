// DataSource for the TypeORM CLI (`npm run migration:run|revert|generate`): needs DATABASE_URL.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

if (!process.env.DATABASE_URL) {
  throw new Error('DATABASE_URL is required for the migration CLI (npm start runs migrations itself)');
}

export default new DataSource(dataSourceOptions(process.env.DATABASE_URL));
