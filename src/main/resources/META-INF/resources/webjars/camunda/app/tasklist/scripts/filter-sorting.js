// Tasklist lists a filter's tasks in the order its header names ("Sort by …"), which it keeps in the URL's `sorting`
// and, when the URL has none, sets to "Created", newest first. It never reads a filter's own order. ticketflow's
// filters therefore carry no order in their query (it would come first and make the header wrong) but declare the
// one agents should see as the filter property `sorting` (agentwork.TasklistFilters); this script puts it in the URL
// whenever a filter is opened without a sort: the header then names the order the list is in, and an agent who
// picks another sort gets exactly that one.

const ENGINE_API = (document.querySelector('base') || {getAttribute: () => null}).getAttribute('engine-api')
  || '/camunda/api/engine/';
let declared = null; // filter id -> its `sorting` property, read once per login

function filterSortings() {
  if (!declared) {
    declared = fetch(ENGINE_API + 'engine/default/filter?resourceType=Task', {
      credentials: 'same-origin', headers: {Accept: 'application/json'}
    }).then(response => response.ok ? response.json() : Promise.reject(response.status))
      .then(filters => filters.reduce((byId, filter) => {
        const priority = (filter.properties || {}).priority || 0;
        byId.set(filter.id, {sorting: (filter.properties || {}).sorting, priority});
        return byId;
      }, new Map()))
      .catch(() => {
        declared = null; // not logged in yet: ask again on the next visit
        return new Map();
      });
  }
  return declared;
}

// Tasklist opens the filter named in the URL, or else the one with the lowest priority property.
function openedFilter(filters, search) {
  if (search.filter) {
    return filters.get(search.filter);
  }
  return [...filters.values()].sort((a, b) => a.priority - b.priority)[0];
}

function watch(angular) {
  const injector = angular.element(document.body).injector();
  if (!injector) {
    return false;
  }
  const $rootScope = injector.get('$rootScope');
  const $location = injector.get('$location');
  let pending = false;
  const check = () => {
    if ($location.path() !== '/') {
      return;
    }
    if (!$location.search().sorting) {
      pending = true; // Tasklist is about to put its default, "Created", there
    }
    if (!pending) {
      return;
    }
    filterSortings().then(filters => {
      const filter = openedFilter(filters, $location.search());
      if (pending && filter && Array.isArray(filter.sorting) && filter.sorting.length) {
        pending = false;
        $rootScope.$applyAsync(() => $location.search('sorting', JSON.stringify(filter.sorting)).replace());
      }
    });
  };
  $rootScope.$on('$locationChangeSuccess', check);
  $rootScope.$applyAsync(check);
  return true;
}

// This module loads before Tasklist starts its Angular application; wait for it.
const waiting = setInterval(() => {
  if (window.angular && watch(window.angular)) {
    clearInterval(waiting);
  }
}, 50);
