// kg overview page: filters, expand on click, communities. Uses common.js.
(function () {
  "use strict";
  var C = window.kgCommon;
  var el = C.el;
  var data = C.data();
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var CLAIMS = { quote: 1, quantity: 1 };
  var filters = { quote: true, quantity: true, relation: true, source: "", publisher: "", from: "", to: "" };
  var visible = null;  // ids of nodes the filters let through (null: every node)

  function active() {
    return !filters.quote || !filters.quantity || !filters.relation || filters.source || filters.publisher ||
      filters.from || filters.to;
  }
  function facetOk(x) {
    if (filters.source) {
      var s = filters.source.toLowerCase();
      if ((x.doc || "").toLowerCase().indexOf(s) < 0 && (x.title || "").toLowerCase().indexOf(s) < 0) return false;
    }
    if (filters.publisher && x.publisher !== filters.publisher) return false;
    if (filters.from && (!x.date || x.date < filters.from)) return false;
    if (filters.to && (!x.date || x.date > filters.to)) return false;
    return true;
  }
  function edgeOk(e) {
    if (e.kind === "relation") return filters.relation && facetOk(e);
    return !visible || (visible[e.from] && visible[e.to]);
  }
  function recompute() {
    if (!active()) { visible = null; return; }
    visible = {};
    nodes.forEach(function (n) { if (CLAIMS[n.kind] && filters[n.kind] && facetOk(n)) visible[n.id] = true; });
    edges.forEach(function (e) {  // an entity stays while it has a claim or a relation in view
      var claimSide = visible[e.from] ? e.to : (visible[e.to] ? e.from : null);
      if (e.kind === "relation" && filters.relation && facetOk(e)) { visible[e.from] = visible[e.to] = true; }
      else if (claimSide !== null && !CLAIMS[e.kind]) {
        var other = nodes.get(claimSide);
        if (other && other.kind === "entity") visible[claimSide] = true;
      }
    });
  }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !visible || !!visible[n.id]; } });
  var edgeView = new vis.DataView(edges, { filter: edgeOk });
  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  var status = document.getElementById("kg-status");
  window.kg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, data: data };

  C.whenDrawn(network);
  function say(text) { status.textContent = text; }

  // ---------------------------------------------------------------- details panel
  var show = C.detailsPanel(nodes);
  var pinned = null;
  C.hover(network, nodes, edges, show, function () { return pinned; });

  // ---------------------------------------------------------------- expand on click
  function place(centre, items) {
    var c = network.getPosition(centre);
    var r = 140 + 9 * items.length;
    items.forEach(function (n, i) {
      var a = 2 * Math.PI * i / Math.max(1, items.length);
      n.x = c.x + r * Math.cos(a); n.y = c.y + r * Math.sin(a);
    });
  }
  // a hub's neighbours come a page at a time (kg serve): "show more" asks for the next page
  var more = document.getElementById("kg-more");
  var moreFor = null;  // { id, offset } of the next page, or null
  more.addEventListener("click", function () {
    if (moreFor === null) return;
    var m = moreFor; moreFor = null; more.hidden = true;
    expand(m.id, m.offset);
  });
  // With physics off, vis-network redraws the whole canvas synchronously after every data change (its
  // startSimulation emits "_redraw"): one expansion added nodes, then edges, and drew a 1,000-node graph
  // twice before the frame it had requested anyway. While the items of one expansion go in, that start is
  // skipped; the frame vis requests after the change draws them once.
  function quietly(f) {
    var ph = network.physics, start = ph && ph.startSimulation;
    if (typeof start !== "function") { f(); return; }
    ph.startSimulation = function () {};
    try { f(); } finally { ph.startSimulation = start; }
  }
  function add(centre, got) {
    var fresh = got.nodes.filter(function (n) { return nodes.get(n.id) === null; });
    place(centre, fresh);
    quietly(function () {
      nodes.add(fresh);
      edges.add(got.edges.filter(function (e) { return edges.get(e.id) === null && nodes.get(e.from) && nodes.get(e.to); }));
      recompute(); nodeView.refresh(); edgeView.refresh();
    });
    var msg = "added " + fresh.length + " of " + got.total + " neighbours";
    var next = got.next === undefined ? null : got.next;
    if (data.expandUrl && next !== null) {
      msg += " (" + (got.offset + 1) + "–" + next + ")";
      moreFor = { id: centre, offset: next };
      more.textContent = "show " + Math.min(got.nodes.length, got.total - next) + " more of " +
        (got.total - next) + " left";
      more.hidden = false;
    } else {
      if (moreFor !== null && moreFor.id === centre) { moreFor = null; more.hidden = true; }
      if (!data.expandUrl && got.total > got.listed) {
        msg += " — this file embeds at most " + data.embedPerNode + " per node; kg serve shows them all";
      }
    }
    say(msg);
    return fresh.length;
  }
  // a static file embeds each node and edge item once (data.items, data.links) and, per overview node, the
  // ids of its neighbours and edges; an id not in them is drawn by the overview already
  function embedded(id) {
    var e = data.extra[id];
    if (!e) return null;
    return {
      total: e.total, offset: 0, next: null, listed: e.nodes.length,
      nodes: e.nodes.map(function (k) { return data.items[k]; }).filter(Boolean),
      edges: e.edges.map(function (k) { return data.links[k]; }).filter(Boolean)
    };
  }
  function expand(id, offset) {
    if (data.expandUrl) {
      var url = data.expandUrl + "?node=" + encodeURIComponent(id) + "&limit=" + data.expandLimit +
        (offset ? "&offset=" + offset : "");
      return fetch(url, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
        .then(function (got) { return add(id, got); })
        .catch(function (err) { say("cannot expand: " + err.message); return 0; });
    }
    var got = embedded(id);
    if (!got) {
      say("this file embeds neighbours only for the overview's nodes; kg serve expands every node");
      return Promise.resolve(0);
    }
    return Promise.resolve(add(id, got));
  }
  window.kg.expand = expand;
  var expanded = {};
  network.on("click", function (p) {
    if (p.nodes.length) {
      var id = p.nodes[0];
      pinned = nodes.get(id); show(pinned);
      if (!expanded[id]) { expanded[id] = true; expand(id); }
    } else if (p.edges.length) { pinned = edges.get(p.edges[0]); show(pinned); }
    else { pinned = null; }
  });

  // ---------------------------------------------------------------- filters
  function bind(id, key, ev, read) {
    document.getElementById(id).addEventListener(ev, function (e) {
      filters[key] = read(e.target); recompute(); nodeView.refresh(); edgeView.refresh();
      say(active() ? nodeView.length + " nodes match the filters" : "");
    });
  }
  ["quote", "quantity", "relation"].forEach(function (k) {
    bind("f-" + k, k, "change", function (t) { return t.checked; });
  });
  bind("f-source", "source", "input", function (t) { return t.value.trim(); });
  bind("f-publisher", "publisher", "change", function (t) { return t.value; });
  bind("f-from", "from", "input", function (t) { return t.value.trim(); });
  bind("f-to", "to", "input", function (t) { return t.value.trim(); });
  var pubs = document.getElementById("f-publisher");
  data.publishers.forEach(function (p) { var o = el("option", null, p); o.value = p; pubs.appendChild(o); });
  if (data.dates.length) {
    document.getElementById("f-from").placeholder = data.dates[0];
    document.getElementById("f-to").placeholder = data.dates[1];
  }
  document.getElementById("f-reset").addEventListener("click", function () {
    ["quote", "quantity", "relation"].forEach(function (k) { document.getElementById("f-" + k).checked = true; filters[k] = true; });
    ["source", "from", "to"].forEach(function (k) { document.getElementById("f-" + k).value = ""; filters[k] = ""; });
    pubs.value = ""; filters.publisher = "";
    recompute(); nodeView.refresh(); edgeView.refresh(); say("");
  });

  // ---------------------------------------------------------------- communities and legend
  var cl = el("ul");
  data.communities.forEach(function (c) {
    var li = el("li");
    li.setAttribute("data-community", String(c.id));
    var sw = el("span", "swatch dot");
    sw.style.backgroundColor = c.color;
    li.appendChild(sw);
    li.appendChild(el("span", null, c.names.join(", ") + (c.nodes.length > c.names.length ? " …" : "")));
    li.addEventListener("click", function () { network.fit({ nodes: c.nodes, animation: false }); });
    cl.appendChild(li);
  });
  document.getElementById("kg-communities").appendChild(cl);
  var lg = el("ul");
  [["Quote", "#e8c547", "shape-diamond"], ["Number", "#17becf", "shape-box"]].forEach(function (k) {
    C.legendItem(lg, "swatch " + k[2], k[1], k[0]);
  });
  data.legendEdges.forEach(function (e) { C.legendItem(lg, "line", e.color, e.label); });
  lg.appendChild(el("li", "hint", "Entities are coloured by community; size follows mentions."));
  document.getElementById("kg-legend").appendChild(lg);

  // ---------------------------------------------------------------- find
  var byName = {};
  function offer(n, via) { C.offerName(byName, n, { id: n.id, via: via }); }
  data.nodes.forEach(function (n) { offer(n, null); });
  Object.keys(data.extra).forEach(function (k) {
    data.extra[k].nodes.forEach(function (n) { if (data.items[n]) offer(data.items[n], k); });
  });
  document.getElementById("kg-find").addEventListener("change", function (ev) {
    var hit = byName[ev.target.value];
    if (!hit) { say("not in this view" + (data.expandUrl ? "; search the claims at /claims" : "")); return; }
    var go = function () {
      if (visible && !visible[hit.id]) { say("hidden by the filters"); return; }
      network.selectNodes([hit.id]);
      network.focus(hit.id, { scale: 1.2, animation: false });
      pinned = nodes.get(hit.id); show(pinned);
    };
    if (nodes.get(hit.id) === null && hit.via !== null) { expanded[hit.via] = true; expand(hit.via).then(go); }
    else go();
  });
})();
