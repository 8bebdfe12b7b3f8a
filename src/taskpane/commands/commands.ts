/*
 * The ribbon's function file. The only button opens the task pane (ShowTaskpane in manifest.xml), so
 * there are no ExecuteFunction commands; Office still requires the file and its Office.onReady.
 */
if (typeof Office !== "undefined") void Office.onReady();
