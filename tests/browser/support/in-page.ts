/**
 * Types for the code playwright runs inside the page (`page.evaluate` callbacks). The test
 * project compiles without the DOM library — main-process code must never see DOM globals —
 * so callbacks reach the browser's globals through `globalThis as unknown as InPage`.
 */
export interface InPageElement {
  dispatchEvent(event: unknown): boolean;
  getAttribute(name: string): string | null;
  textContent: string | null;
}

export interface InPage {
  document: {
    activeElement: InPageElement | null;
    body: InPageElement;
    documentElement: InPageElement & { lang: string };
    querySelector(selector: string): InPageElement | null;
  };
  getComputedStyle(element: InPageElement): { outlineStyle: string; outlineWidth: string; backgroundColor: string };
  DataTransfer: new () => { items: { add(file: unknown): void }; setData(type: string, value: string): void };
  File: new (bits: unknown[], name: string, options: { type: string }) => unknown;
  ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
  DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
  atob(text: string): string;
}
