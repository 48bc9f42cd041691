export * from './startSimulator';
export * from './loadDemoOrganisation';
export * from './config';
