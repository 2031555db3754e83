// Feature modules beyond accounts and schools; each feature adds its module here.
import type { DynamicModule, Type } from '@nestjs/common';

export const FEATURE_MODULES: (Type<unknown> | DynamicModule)[] = [];
