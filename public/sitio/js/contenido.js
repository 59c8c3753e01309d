/**
 * El texto de una publicación, un documento o una encuesta, tal como lo entrega la API: el
 * servidor convierte el Markdown con markdown-it y lo sanea con sanitize-html (solo párrafos,
 * encabezados, listas, citas, énfasis, código y enlaces http, https, mailto o tel), así que aquí
 * solo se convierte en nodos. Un `<template>` no ejecuta nada al leerse.
 */
export const htmlContent = (html) => {
  const template = document.createElement('template');
  template.innerHTML = String(html || '');
  return template.content;
};
