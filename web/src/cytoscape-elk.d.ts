// cytoscape-elk ships no types: it is a cytoscape extension registered with cytoscape.use().
declare module 'cytoscape-elk' {
  const elk: import('cytoscape').Ext;
  export default elk;
}
