export * from './password-policy';
export * from './people';
