// aikg serve --watch: reloads the page when the data it was made from changes, and shows the message of a
// save that does not convert. Only pages served with --watch load this script.
(() => {
  const me = document.currentScript;
  const generation = me.dataset.generation;
  const words = me.dataset.failed;
  const banner = (failure) => {
    let box = document.getElementById('live-failed');
    if (!failure) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement('div');
      box.id = 'live-failed';
      box.className = 'live-failed';
      box.setAttribute('role', 'alert');
      box.append(document.createElement('p'), document.createElement('pre'));
      document.body.append(box);
    }
    box.querySelector('p').textContent = words;
    box.querySelector('pre').textContent = failure;
  };
  const events = new EventSource('/live');
  events.addEventListener('state', (e) => {
    const state = JSON.parse(e.data);
    if (String(state.generation) !== generation) location.reload();
    else banner(state.failure);
  });
})();
