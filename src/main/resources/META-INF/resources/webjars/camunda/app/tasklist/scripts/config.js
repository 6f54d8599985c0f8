// ticketflow's Tasklist configuration: it replaces the webjar's config.js, as it comes first on the classpath.
// customScripts are ES modules loaded relative to /camunda/app/tasklist/; the shortcuts are the webjar's own.
export default {
  customScripts: ['scripts/filter-sorting.js'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
