// Line numbers as the editor counts them: a line ends at \n, \r\n or a lone \r. (The `yaml` parser's
// own LineCounter ignores a lone \r, so a message would name another line than the editor shows.)
import { LineCounter } from 'yaml';

const LINE_BREAK = /\r\n?|\n/g;

/** Where each line of the text starts, ready for `linePos`. */
export function linesOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m !== null; m = LINE_BREAK.exec(text)) counter.addNewLine(m.index + m[0].length);
  return counter;
}
