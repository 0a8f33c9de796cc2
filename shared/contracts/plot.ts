// The plot domain: the plotter's Record toggle. The window sends the rows it parsed; main
// appends them to a CSV file in the workspace (the project folder) and flushes it to disk at
// least once a second, so an hour-long lab survives a crash of the window.
import * as v from 'valibot';
import { boundedString, channel, MAX_TEXT, opaqueId } from '../contract-kit';

/** A file name the recording may take: letters, digits, space, dot, dash, underscore; .csv. */
const recordingName = v.pipe(boundedString(120), v.regex(/^[\w .-]+\.csv$/, 'A recording is a .csv file name without folders'));

export interface RecordingInfo {
  id: string;
  /** Path inside the workspace, as Files shows it. */
  path: string;
  rows: number;
  bytes: number;
}

export const plotChannels = {
  /** Starts a recording into `name` in the workspace folder (never replacing a file: a suffix is added). */
  'plot:record-start': channel(v.strictObject({ name: recordingName, header: boundedString(4096) })).returns<RecordingInfo>(),
  /** Appends CSV rows (whole lines) to a recording. */
  'plot:record-append': channel(v.strictObject({ id: opaqueId, rows: v.pipe(v.string(), v.maxLength(MAX_TEXT)) })).returns<RecordingInfo>(),
  /** Ends a recording; the file stays. */
  'plot:record-stop': channel(v.strictObject({ id: opaqueId })).returns<RecordingInfo>(),
};

export const plotEvents = {};
