import * as React from 'react';

/**
 * Scrolls the panel back to the top when `key` changes. The admin keeps one scrolling container
 * across pages, so a link followed from far down a list would otherwise open the next page
 * half-way down (on a phone, past its title).
 */
export const useScrollToTop = <T extends HTMLElement>(key: unknown) => {
  const ref = React.useRef<T>(null);
  React.useLayoutEffect(() => {
    for (let element = ref.current?.parentElement; element; element = element.parentElement) {
      if (element.scrollTop > 0) element.scrollTop = 0;
    }
    if (window.scrollY > 0) window.scrollTo(0, 0);
  }, [key]);
  return ref;
};
