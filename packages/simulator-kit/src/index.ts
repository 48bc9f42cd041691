export * from './startSimulator';
export * from './loadDemoOrganisation';
