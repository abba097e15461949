import { z } from 'zod';

export const StaffRole = z.enum([
  'doctor',
  'nurse',
  'health_manager',
  'pharmacist',
  'org_admin',
  'researcher',
  'platform_admin',
]);
export type StaffRole = z.infer<typeof StaffRole>;

export const ProxyScope = z.enum(['view', 'book', 'consult', 'message']);
export type ProxyScope = z.infer<typeof ProxyScope>;

export const Relationship = z.enum(['self', 'spouse', 'child', 'parent', 'sibling', 'grandparent', 'other']);
export type Relationship = z.infer<typeof Relationship>;

export const Sex = z.enum(['male', 'female', 'other', 'unknown']);
export type Sex = z.infer<typeof Sex>;
