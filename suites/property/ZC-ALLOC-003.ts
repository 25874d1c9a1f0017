import { defineCheck } from '../../src/check/define-check.js';
import { checkAllocator } from '../_internals/allocator.js';

export default defineCheck('ZC-ALLOC-003', (ctx) => checkAllocator(ctx, 'aligned'));
