// Shared by kg's graph pages (app.js: `kg viz` and /graph; overview.js: the overview). Article text reaches
// the page only through textContent, never innerHTML.
window.kgCommon = (function () {
  "use strict";
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function data() { return JSON.parse(document.getElementById("kg-data").textContent); }

  // the details panel: a node's or an edge's heading and (field, value) rows; an edge that carries its
  // claim by reference (``ref``) shows the claim's rows too
  function detailsPanel(nodes) {
    var panel = document.getElementById("kg-details");
    return function show(item) {
      if (!item) return;
      while (panel.firstChild) panel.removeChild(panel.firstChild);
      panel.setAttribute("data-shown", (item.from !== undefined ? "edge:" : "node:") + item.id);
      panel.appendChild(el("h2", "kind-" + item.kind, item.head));
      var rows = item.info;
      var claim = item.ref !== undefined ? nodes.get(item.ref) : null;
      if (claim) rows = rows.concat(claim.info);
      var dl = el("dl");
      rows.forEach(function (row) {
        dl.appendChild(el("dt", null, row[0]));
        var dd = el("dd", row[0] === "Quote" ? "quote" : null);
        if (row[0] === "URL" && /^https?:\/\//i.test(row[1])) {  // only web addresses become links
          var a = el("a", null, row[1]);
          a.href = row[1]; a.rel = "noopener noreferrer"; a.target = "_blank";
          dd.appendChild(a);
        } else {
          dd.textContent = row[1];
        }
        dl.appendChild(dd);
      });
      panel.appendChild(dl);
    };
  }

  // window.kgReady: ms from navigation start to the first frame drawn with every control bound
  function whenDrawn(network) {
    network.once("afterDrawing", function () {
      window.kgReady = performance.now();
      document.body.setAttribute("data-ready", "1");
    });
  }
  function hover(network, nodes, edges, show, pinned) {
    network.on("hoverNode", function (p) { if (pinned() === null) show(nodes.get(p.node)); });
    network.on("hoverEdge", function (p) { if (pinned() === null) show(edges.get(p.edge)); });
  }
  function legendItem(ul, swatchClass, colour, label) {
    var li = el("li");
    var sw = el("span", swatchClass);
    sw.style.backgroundColor = colour;
    li.appendChild(sw);
    li.appendChild(el("span", null, label));
    ul.appendChild(li);
    return li;
  }
  // find: each name once in the datalist, remembered with what the page needs to reach it
  function offerName(byName, n, value) {
    if (!n.search || byName[n.search] !== undefined) return;
    byName[n.search] = value;
    var o = document.createElement("option");
    o.value = n.search;
    document.getElementById("kg-names").appendChild(o);
  }
  return { el: el, data: data, detailsPanel: detailsPanel, whenDrawn: whenDrawn, hover: hover,
           legendItem: legendItem, offerName: offerName };
})();
