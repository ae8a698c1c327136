<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About AttachGuard</source>
        <translation>Acerca de AttachGuard</translation>
    </message>
    <message>
        <source>Versions and licences</source>
        <translation>Versiones y licencias</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
</context>
<context>
    <name>AddSummary</name>
    <message>
        <source>not tried after the disk filled</source>
        <extracomment>Job states the user may retry at once; &quot;no job&quot; and cancelled ones are queued afresh. Uploaded once, then the server let the file go: &quot;Upload again&quot; sends the backup once more. States whose job must be cancelled before the document is removed.</extracomment>
        <translation>no se intentó tras llenarse el disco</translation>
    </message>
    <message>
        <source>Backed up 1 document</source>
        <translation>1 documento guardado</translation>
    </message>
    <message>
        <source>Backed up {count} documents</source>
        <translation>{count} documentos guardados</translation>
    </message>
    <message>
        <source>, queued {queued} for upload</source>
        <translation>, {queued} en cola para subir</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>No se añadió nada.</translation>
    </message>
    <message>
        <source>Skipped {count}: {shown} (and {more} more).</source>
        <translation>{count} omitido(s): {shown} (y {more} más).</translation>
    </message>
    <message>
        <source>Skipped {count}: {shown}.</source>
        <translation>{count} omitido(s): {shown}.</translation>
    </message>
</context>
<context>
    <name>BatchJobsView</name>
    <message>
        <source>Batch jobs</source>
        <extracomment>Ages are shown in minutes: repaint them once a minute. After every list read (carries the list of ``BatchView``).
----------
The Resubmit… confirmation while it is open (tests answer it like a user would).</extracomment>
        <translation>Tareas Batch</translation>
    </message>
    <message>
        <source>Batch jobs table</source>
        <translation>Tabla de tareas Batch</translation>
    </message>
    <message>
        <source>Your Batch jobs and their state; the buttons act on the selected job</source>
        <translation>Sus tareas Batch y su estado; los botones actúan sobre la tarea seleccionada</translation>
    </message>
    <message>
        <source>No Batch jobs seen yet. Check now lists them (needs an API key).</source>
        <translation>Aún no se han visto tareas Batch. «Comprobar ahora» las muestra (necesita una clave de API).</translation>
    </message>
    <message>
        <source>No Batch jobs</source>
        <translation>No hay tareas Batch</translation>
    </message>
    <message>
        <source>&amp;Resubmit…</source>
        <translation>&amp;Reenviar…</translation>
    </message>
    <message>
        <source>Create a new batch from the backed-up input</source>
        <translation>Crear un lote nuevo a partir de la entrada guardada</translation>
    </message>
    <message>
        <source>&amp;Back up input</source>
        <translation>&amp;Guardar la entrada</translation>
    </message>
    <message>
        <source>Download this batch&apos;s input file into the vault</source>
        <translation>Descargar el archivo de entrada de este lote en el almacén</translation>
    </message>
    <message>
        <source>Copy batch &amp;id</source>
        <translation>Copiar el &amp;id del lote</translation>
    </message>
    <message>
        <source>Copy the batch id to the clipboard</source>
        <translation>Copiar el id del lote al portapapeles</translation>
    </message>
    <message>
        <source>No Batch jobs on this account.</source>
        <translation>No hay trabajos Batch en esta cuenta.</translation>
    </message>
    <message>
        <source>Cannot read the Batch jobs: {error}</source>
        <translation>No se pueden leer las tareas Batch: {error}</translation>
    </message>
    <message>
        <source>Batch actions</source>
        <translation>Acciones de lotes</translation>
    </message>
    <message>
        <source>Copied batch id {batch}.</source>
        <translation>Id del lote {batch} copiado.</translation>
    </message>
    <message>
        <source>Backing up the input of {batch}…</source>
        <translation>Guardando la entrada de {batch}…</translation>
    </message>
    <message>
        <source>The input of {batch} is backed up.</source>
        <translation>La entrada de {batch} está guardada.</translation>
    </message>
    <message>
        <source>Back up of {batch} failed: {error}</source>
        <translation>Falló la copia de {batch}: {error}</translation>
    </message>
    <message>
        <source>Resubmit batch</source>
        <translation>Reenviar el lote</translation>
    </message>
    <message>
        <source>Resubmit batch {batch}?</source>
        <translation>¿Reenviar el lote {batch}?</translation>
    </message>
    <message>
        <source>its input file backed up in the vault</source>
        <translation>su archivo de entrada guardado en el almacén</translation>
    </message>
    <message>
        <source>its input file (downloaded into the vault first, if the server still has it)</source>
        <translation>su archivo de entrada (primero se descarga en el almacén, si el servidor aún lo tiene)</translation>
    </message>
    <message>
        <source>A new batch will be created from {source}, with the same endpoint ({endpoint}), completion window ({window}) and metadata. The old batch is not cancelled: it stays {status}, and if it still finishes, both may be billed.</source>
        <translation>Se creará un lote nuevo a partir de {source}, con el mismo endpoint ({endpoint}), la misma ventana de finalización ({window}) y los mismos metadatos. El lote antiguo no se cancela: sigue {status} y, si aun así termina, se pueden facturar los dos.</translation>
    </message>
    <message>
        <source>&amp;Resubmit</source>
        <translation>&amp;Reenviar</translation>
    </message>
    <message>
        <source>{batch} was not resubmitted.</source>
        <translation>{batch} no se reenvió.</translation>
    </message>
    <message>
        <source>Resubmitting {batch}…</source>
        <translation>Reenviando {batch}…</translation>
    </message>
    <message>
        <source>Resubmitted {batch} as {new} (the old batch was not cancelled).</source>
        <translation>{batch} reenviado como {new} (el lote antiguo no se canceló).</translation>
    </message>
    <message>
        <source>Resubmit of {batch} failed: {error}</source>
        <translation>Falló el reenvío de {batch}: {error}</translation>
    </message>
</context>
<context>
    <name>CopyAgainMenu</name>
    <message>
        <source>{tokens} tokens</source>
        <extracomment>How many of the (up to 20) noted copies the menu lists.</extracomment>
        <translation>{tokens} tokens</translation>
    </message>
    <message>
        <source>pages {pages}</source>
        <translation>páginas {pages}</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>hoja {sheet}</translation>
    </message>
    <message>
        <source>{name} — part {part} of {parts}</source>
        <translation>{name} — parte {part} de {parts}</translation>
    </message>
    <message>
        <source>Copy a&amp;gain</source>
        <extracomment>The outcome of a copy again (a ``CopyResult``). The list was read again (the records shown, newest first).</extracomment>
        <translation>Copiar de &amp;nuevo</translation>
    </message>
    <message>
        <source>Copy a recent copy again</source>
        <translation>Copiar de nuevo una copia reciente</translation>
    </message>
    <message>
        <source>Put a text you copied before on the clipboard again</source>
        <translation>Volver a poner en el portapapeles un texto copiado antes</translation>
    </message>
    <message>
        <source>Nothing copied yet</source>
        <translation>Aún no se ha copiado nada</translation>
    </message>
    <message>
        <source>Texts you copy for ChatGPT are listed here, to copy again</source>
        <translation>Los textos que copias para ChatGPT aparecen aquí, para copiarlos de nuevo</translation>
    </message>
    <message>
        <source>Put {what} on the clipboard again</source>
        <translation>Poner {what} de nuevo en el portapapeles</translation>
    </message>
</context>
<context>
    <name>CopyButtonDelegate</name>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Copy this document&apos;s text, to paste into ChatGPT instead of the file</source>
        <extracomment>Still to be uploaded: stuck when held by OpenAI&apos;s trouble, or waiting after an error. The clicked row&apos;s ``DocumentRow``.</extracomment>
        <translation>Copiar el texto de este documento para pegarlo en ChatGPT en lugar del archivo</translation>
    </message>
</context>
<context>
    <name>Copying</name>
    <message>
        <source>there is no text to copy for that document</source>
        <extracomment>A later copy was asked for before this one finished: nothing was copied for this one. Request numbers (GUI thread only): the clipboard takes the result of the latest request.</extracomment>
        <translation>no hay texto que copiar de ese documento</translation>
    </message>
    <message>
        <source>it is no longer backed up here</source>
        <translation>ya no tiene copia de seguridad aquí</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} documentos</translation>
    </message>
    <message>
        <source>Copied part {part} of {parts} of the text of {what}. Paste it into ChatGPT instead of the file.</source>
        <translation>Copiada la parte {part} de {parts} del texto de {what}. Pégala en ChatGPT en lugar del archivo.</translation>
    </message>
    <message>
        <source>Copied the text of {what}. Paste it into ChatGPT instead of the file.</source>
        <translation>Copiado el texto de {what}. Pégalo en ChatGPT en lugar del archivo.</translation>
    </message>
    <message>
        <source>something went wrong while extracting the text (details are in the log)</source>
        <translation>algo salió mal al extraer el texto (los detalles están en el registro)</translation>
    </message>
    <message>
        <source>Could not copy {what} again: {reason}; the clipboard was left unchanged.</source>
        <translation>No se pudo copiar de nuevo {what}: {reason}; el portapapeles no ha cambiado.</translation>
    </message>
    <message>
        <source>Could not copy the text: {reason} The clipboard was left unchanged.</source>
        <translation>No se pudo copiar el texto: {reason} El portapapeles no ha cambiado.</translation>
    </message>
    <message>
        <source>Not copied: a later copy replaced this one.</source>
        <translation>No copiado: una copia posterior sustituyó a esta.</translation>
    </message>
    <message>
        <source>There is no document to copy text from yet: add one.</source>
        <translation>Aún no hay ningún documento del que copiar texto: añade uno.</translation>
    </message>
    <message>
        <source>Choose a document first.</source>
        <translation>Elige primero un documento.</translation>
    </message>
    <message>
        <source>There is no text to copy.</source>
        <translation>No hay texto que copiar.</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>el documento</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Queued</source>
        <extracomment>How long the selection must rest before the preview follows it (arrow keys through rows).</extracomment>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Subiendo</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Esperando para reintentar</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Subido</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Expired on the server</source>
        <translation>Caducado en el servidor</translation>
    </message>
    <message>
        <source>(next try {when})</source>
        <extracomment>Job states in which an upload refused as expired is tried again.</extracomment>
        <translation>(próximo intento {when})</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Último error: {error}</translation>
    </message>
    <message>
        <source>Restore to folder</source>
        <extracomment>One sentence for the status bar (restore done, cannot open, ...). The details read on the pool are shown (history, vault path, buttons).</extracomment>
        <translation>Restaurar en una carpeta</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Detalles del documento</translation>
    </message>
    <message>
        <source>Document name</source>
        <translation>Nombre del documento</translation>
    </message>
    <message>
        <source>Status and reason</source>
        <translation>Estado y motivo</translation>
    </message>
    <message>
        <source>Remote file id and expiry</source>
        <translation>ID y caducidad del archivo remoto</translation>
    </message>
    <message>
        <source>Backup copy</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Remote file:</source>
        <translation>Archivo remoto:</translation>
    </message>
    <message>
        <source>Backup copy:</source>
        <translation>Copia de seguridad:</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Añadido:</translation>
    </message>
    <message>
        <source>Upload attempts</source>
        <translation>Intentos de subida</translation>
    </message>
    <message>
        <source>Each try to upload this document: when, to which target, and what went wrong</source>
        <translation>Cada intento de subir este documento: cuándo, a qué destino y qué falló</translation>
    </message>
    <message>
        <source>First try</source>
        <translation>Primer intento</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>&amp;Open original</source>
        <translation>&amp;Abrir el original</translation>
    </message>
    <message>
        <source>Open a read-only copy of the backup in its usual app</source>
        <translation>Abrir una copia de solo lectura en su aplicación habitual</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Mostrar en la &amp;carpeta</translation>
    </message>
    <message>
        <source>Show the folder holding the backup copy</source>
        <translation>Mostrar la carpeta que contiene la copia de seguridad</translation>
    </message>
    <message>
        <source>Restore &amp;to…</source>
        <translation>Res&amp;taurar en…</translation>
    </message>
    <message>
        <source>Copy the backup out to a folder you choose</source>
        <translation>Copiar la copia de seguridad a la carpeta que elijas</translation>
    </message>
    <message>
        <source>Preview te&amp;xt</source>
        <translation>Vista previa del te&amp;xto</translation>
    </message>
    <message>
        <source>Show the text as it would be pasted into ChatGPT, for this and the next documents you select</source>
        <translation>Mostrar el texto tal como se pegaría en ChatGPT, para este documento y los siguientes que selecciones</translation>
    </message>
    <message>
        <source>Uploads:</source>
        <translation>Subidas:</translation>
    </message>
    <message>
        <source>Everything about the selected document; the arrow keys scroll</source>
        <translation>Todo sobre el documento seleccionado; las flechas desplazan</translation>
    </message>
    <message>
        <source>Select a document to see its details.</source>
        <translation>Selecciona un documento para ver sus detalles.</translation>
    </message>
    <message>
        <source>{count} documents selected: select one to see its details.</source>
        <translation>{count} documentos seleccionados: selecciona uno para ver sus detalles.</translation>
    </message>
    <message>
        <source>expires {when}</source>
        <translation>caduca el {when}</translation>
    </message>
    <message>
        <source>kept until deleted</source>
        <translation>se conserva hasta que se borre</translation>
    </message>
    <message>
        <source>expired on the server, will be uploaded again</source>
        <translation>caducado en el servidor, se volverá a subir</translation>
    </message>
    <message>
        <source>not uploaded</source>
        <translation>no subido</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count} veces</translation>
    </message>
    <message>
        <source>Cannot read the details: {error}</source>
        <translation>No se pueden leer los detalles: {error}</translation>
    </message>
    <message>
        <source>The backup copy is missing: run “attachguard verify”.</source>
        <translation>Falta la copia de seguridad: ejecuta «attachguard verify».</translation>
    </message>
    <message>
        <source>from {path}</source>
        <translation>desde {path}</translation>
    </message>
    <message>
        <source>No app could open “{name}” ({path}).</source>
        <translation>Ninguna aplicación pudo abrir «{name}» ({path}).</translation>
    </message>
    <message>
        <source>Opened a read-only copy of “{name}”.</source>
        <translation>Se abrió una copia de solo lectura de «{name}».</translation>
    </message>
    <message>
        <source>Opening the original</source>
        <translation>Abrir el original</translation>
    </message>
    <message>
        <source>Could not open {path}.</source>
        <translation>No se pudo abrir {path}.</translation>
    </message>
    <message>
        <source>Restored {path}.</source>
        <translation>{path} restaurado.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} falló: {error}</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>{count} documents</source>
        <translation>{count} documentos</translation>
    </message>
    <message>
        <source>Restore to folder</source>
        <extracomment>Every &quot;Copy text instead&quot; outcome (a ``CopyResult``), e.g. for a tray notification.</extracomment>
        <translation>Restaurar en una carpeta</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Reintentar ahora</translation>
    </message>
    <message>
        <source>Upload again now</source>
        <translation>Subir de nuevo ahora</translation>
    </message>
    <message>
        <source>&amp;Upload again</source>
        <translation>&amp;Subir de nuevo</translation>
    </message>
    <message>
        <source>Upload the backup again: the file expired on OpenAI&apos;s side</source>
        <translation>Subir de nuevo la copia de seguridad: el archivo caducó en OpenAI</translation>
    </message>
    <message>
        <source>Copy &amp;text instead</source>
        <translation>Copiar el &amp;texto en su lugar</translation>
    </message>
    <message>
        <source>Put the document&apos;s text on the clipboard, to paste instead of the file</source>
        <translation>Poner el texto del documento en el portapapeles, para pegarlo en lugar del archivo</translation>
    </message>
    <message>
        <source>Copy file &amp;id</source>
        <translation>Copiar el &amp;ID del archivo</translation>
    </message>
    <message>
        <source>Copy the remote file id</source>
        <translation>Copiar el ID del archivo remoto</translation>
    </message>
    <message>
        <source>Open &amp;backup folder</source>
        <translation>Abrir la carpeta de &amp;copias</translation>
    </message>
    <message>
        <source>Show the folder holding the backup copy</source>
        <translation>Mostrar la carpeta que contiene la copia de seguridad</translation>
    </message>
    <message>
        <source>Re&amp;store to…</source>
        <translation>Res&amp;taurar en…</translation>
    </message>
    <message>
        <source>Copy the backup out to a folder</source>
        <translation>Copiar la copia de seguridad a una carpeta</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>Forget the backup</source>
        <translation>Olvidar la copia de seguridad</translation>
    </message>
    <message>
        <source>Nothing to retry: the selected uploads are done or in progress.</source>
        <translation>Nada que reintentar: las subidas seleccionadas están terminadas o en curso.</translation>
    </message>
    <message>
        <source>Retrying 1 upload now.</source>
        <translation>Reintentando 1 subida ahora.</translation>
    </message>
    <message>
        <source>Retrying {count} uploads now.</source>
        <translation>Reintentando {count} subidas ahora.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Nada que reintentar.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Nothing to upload again: none of the selected uploads expired.</source>
        <translation>Nada que volver a subir: ninguna de las subidas seleccionadas caducó.</translation>
    </message>
    <message>
        <source>Uploading 1 document again.</source>
        <translation>Subiendo 1 documento de nuevo.</translation>
    </message>
    <message>
        <source>Uploading {count} documents again.</source>
        <translation>Subiendo {count} documentos de nuevo.</translation>
    </message>
    <message>
        <source>Nothing to upload.</source>
        <translation>Nada que subir.</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Extracting the text of {what}…</source>
        <translation>Extrayendo el texto de {what}…</translation>
    </message>
    <message>
        <source>Press {keys} again for part {part}.</source>
        <translation>Pulsa {keys} otra vez para la parte {part}.</translation>
    </message>
    <message>
        <source>The selected documents have no remote file id yet.</source>
        <translation>Los documentos seleccionados aún no tienen ID de archivo remoto.</translation>
    </message>
    <message>
        <source>Copied {file_id}.</source>
        <translation>{file_id} copiado.</translation>
    </message>
    <message>
        <source>Copied {count} file ids.</source>
        <translation>{count} ID de archivo copiados.</translation>
    </message>
    <message>
        <source>Could not open {path}.</source>
        <translation>No se pudo abrir {path}.</translation>
    </message>
    <message>
        <source>Open backup folder</source>
        <translation>Abrir la carpeta de copias</translation>
    </message>
    <message>
        <source>Restored {path}.</source>
        <translation>{path} restaurado.</translation>
    </message>
    <message>
        <source>Restored {count} documents to {folder}.</source>
        <translation>{count} documentos restaurados en {folder}.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Remove {what} from AttachGuard? The backup copy is deleted; the original file and any uploaded copy are left alone.</source>
        <translation>¿Eliminar {what} de AttachGuard? Se borra la copia de seguridad; el archivo original y cualquier copia subida no se tocan.</translation>
    </message>
    <message>
        <source>Removed {what}.</source>
        <translation>{what} eliminado.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} falló: {error}</translation>
    </message>
    <message>
        <source>Remove documents</source>
        <translation>Eliminar documentos</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Remote file</source>
        <translation>Archivo remoto</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <extracomment>What each fixed column must show unclipped: widths follow the font, and Name (stretched) gets the rest. Fixed pixel widths left Name ~60 px wide (&quot;quarte…&quot;) in a 900 px window. Columns whose tooltip lists the document&apos;s state and file id per target.</extracomment>
        <translation>Falló: {reason}</translation>
    </message>
    <message>
        <source>when OpenAI recovers</source>
        <extracomment>The whole :class:`DocumentRow` of an index (any column). Upload progress 0..1 for the status column while uploading, else None. True while OpenAI&apos;s trouble holds the queue (breaker open, outage): waiting rows wait for it. Said instead of a retry time while the queue is held (as the status bar says it).</extracomment>
        <translation>cuando OpenAI se recupere</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Todos los documentos</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducado</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Subido</translation>
    </message>
    <message>
        <source>Not uploaded</source>
        <translation>No subido</translation>
    </message>
    <message>
        <source>the remote file expired</source>
        <translation>el archivo remoto caducó</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>velocidad limitada</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>error del servidor</translation>
    </message>
    <message>
        <source>network problem</source>
        <translation>problema de red</translation>
    </message>
    <message>
        <source>API key rejected</source>
        <translation>clave de API rechazada</translation>
    </message>
    <message>
        <source>file too large</source>
        <translation>archivo demasiado grande</translation>
    </message>
    <message>
        <source>rejected by the service</source>
        <translation>rechazado por el servicio</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Uploading {percent}</source>
        <translation>Subiendo {percent}</translation>
    </message>
    <message>
        <source>Retrying {when}</source>
        <translation>Reintento {when}</translation>
    </message>
    <message>
        <source>Uploaded (remote copy expired)</source>
        <translation>Subido (copia remota caducada)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>(added {count}×)</source>
        <translation>(añadido {count}×)</translation>
    </message>
    <message>
        <source>next {when}</source>
        <translation>próximo {when}</translation>
    </message>
    <message>
        <source>The uploaded file is no longer on OpenAI{why}. It is still backed up here: use “Upload again” or “Copy text instead”.</source>
        <translation>El archivo subido ya no está en OpenAI{why}. Sigue teniendo copia de seguridad aquí: usa «Subir de nuevo» o «Copiar el texto en su lugar».</translation>
    </message>
    <message>
        <source>Use “Copy text instead” to paste its text.</source>
        <translation>Usa «Copiar el texto en su lugar» para pegar su texto.</translation>
    </message>
    <message>
        <source>Added {count} times (the latest name is shown)</source>
        <translation>Añadido {count} veces (se muestra el nombre más reciente)</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop zone</source>
        <extracomment>Emitted with a :class:`DroppedPaths` for every accepted drop.</extracomment>
        <translation>Zona para soltar</translation>
    </message>
    <message>
        <source>Drop files or folders here to back them up and upload them. Folders are added with everything inside them.</source>
        <translation>Suelta aquí archivos o carpetas para guardarlos y subirlos. Las carpetas se añaden con todo su contenido.</translation>
    </message>
    <message>
        <source>Drop files or folders here</source>
        <translation>Suelta aquí archivos o carpetas</translation>
    </message>
    <message>
        <source>They are backed up first, then uploaded. You can also paste (Ctrl+V).</source>
        <translation>Primero se guardan y luego se suben. También puedes pegar (Ctrl+V).</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Añadir archivos…</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Añadir archivos</translation>
    </message>
    <message>
        <source>Choose files to back up and upload (Ctrl+O)</source>
        <translation>Elegir archivos para guardar y subir (Ctrl+O)</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>Añadir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <source>Choose a folder; everything inside it is added (Ctrl+Shift+O)</source>
        <translation>Elegir una carpeta; se añade todo su contenido (Ctrl+Mayús+O)</translation>
    </message>
</context>
<context>
    <name>FailoverPresenter</name>
    <message>
        <source> and </source>
        <extracomment>The key of the offer notice&apos;s button (``NoticeDisplay.on_action``). Documents named one by one in the after-notice, at most (more: a count).</extracomment>
        <translation> y </translation>
    </message>
    <message>
        <source>document is</source>
        <translation>documento espera</translation>
    </message>
    <message>
        <source>documents are</source>
        <translation>documentos esperan</translation>
    </message>
    <message>
        <source>{primary} has not taken uploads for more than {minutes:g} minutes and {count} {noun} waiting for it. Upload them to {secondary} instead? They stay queued for {primary} too; choose “Upload to {secondary} instead” here or in the tray menu.</source>
        <translation>{primary} no acepta subidas desde hace más de {minutes:g} minutos y {count} {noun} por él. ¿Subirlos a {secondary} en su lugar? También siguen en cola para {primary}; elige «Subir a {secondary} en su lugar» aquí o en el menú de la bandeja.</translation>
    </message>
    <message>
        <source>Upload to {secondary} instead</source>
        <translation>Subir a {secondary} en su lugar</translation>
    </message>
    <message>
        <source>{primary} uploads are held</source>
        <translation>Las subidas a {primary} están retenidas</translation>
    </message>
    <message>
        <source>None of the {count} documents could be uploaded to {secondary} either.</source>
        <translation>Ninguno de los {count} documentos se pudo subir tampoco a {secondary}.</translation>
    </message>
    <message>
        <source>is</source>
        <translation>está</translation>
    </message>
    <message>
        <source>are</source>
        <translation>están</translation>
    </message>
    <message>
        <source>it stays</source>
        <translation>seguirá</translation>
    </message>
    <message>
        <source>they stay</source>
        <translation>seguirán</translation>
    </message>
    <message>
        <source>{named} {verb} now on {secondary}; {stay} there when {primary} recovers.</source>
        <translation>{named} {verb} ahora en {secondary}; {stay} allí cuando {primary} se recupere.</translation>
    </message>
    <message>
        <source>{count} documents are now on {secondary} (their file ids are in the window&apos;s details); they stay there when {primary} recovers.</source>
        <translation>{count} documentos están ahora en {secondary} (sus ids de archivo están en los detalles de la ventana); seguirán allí cuando {primary} se recupere.</translation>
    </message>
    <message>
        <source>{missed} could not be uploaded there either.</source>
        <translation>{missed} tampoco se pudieron subir allí.</translation>
    </message>
    <message>
        <source>Everything is still backed up here.</source>
        <translation>Todo sigue teniendo copia de seguridad aquí.</translation>
    </message>
    <message>
        <source>Uploaded to {secondary} instead</source>
        <translation>Subido a {secondary} en su lugar</translation>
    </message>
    <message>
        <source>Upload the documents held for {primary} to {secondary} now; they stay there when {primary} recovers</source>
        <extracomment>The standing offer each time it changes (None: withdrawn or taken). Every notice this presenter showed (the offer, then each after-notice).</extracomment>
        <translation>Subir ahora a {secondary} los documentos retenidos para {primary}; se quedan allí cuando {primary} se recupere</translation>
    </message>
    <message>
        <source>No document is waiting any more: nothing to upload.</source>
        <translation>Ya no espera ningún documento: no hay nada que subir.</translation>
    </message>
    <message>
        <source>Could not queue the documents: {error}</source>
        <translation>No se pudieron poner los documentos en cola: {error}</translation>
    </message>
</context>
<context>
    <name>HealthModel</name>
    <message>
        <source>operational</source>
        <extracomment>The provider&apos;s name in the status bar (the status page is OpenAI&apos;s by default).</extracomment>
        <translation>operativo</translation>
    </message>
    <message>
        <source>degraded performance</source>
        <translation>rendimiento reducido</translation>
    </message>
    <message>
        <source>under maintenance</source>
        <translation>en mantenimiento</translation>
    </message>
    <message>
        <source>partial outage</source>
        <translation>caída parcial</translation>
    </message>
    <message>
        <source>major outage</source>
        <translation>caída grave</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>{provider} status unknown</source>
        <translation>Estado de {provider} desconocido</translation>
    </message>
    <message>
        <source>{provider}: operational</source>
        <translation>{provider}: operativo</translation>
    </message>
    <message>
        <source>Last checked {when}</source>
        <translation>Última comprobación {when}</translation>
    </message>
    <message>
        <source>Status page not checked yet — unknown (use Check now)</source>
        <translation>Página de estado aún no comprobada — desconocido (usa «Comprobar ahora»)</translation>
    </message>
    <message>
        <source>Status checks are turned off in the settings — unknown</source>
        <translation>Las comprobaciones de estado están desactivadas en los ajustes — desconocido</translation>
    </message>
    <message>
        <source> (tried {when})</source>
        <translation> (intentado {when})</translation>
    </message>
    <message>
        <source>Status page unreachable — unknown: {reason}</source>
        <translation>Página de estado inaccesible — desconocido: {reason}</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Stuck?</source>
        <translation>¿Atascado?</translation>
    </message>
    <message>
        <source>In this status</source>
        <translation>En este estado</translation>
    </message>
    <message>
        <source>Requests done</source>
        <translation>Solicitudes hechas</translation>
    </message>
    <message>
        <source>Input backup</source>
        <translation>Copia de la entrada</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>, {count} failed</source>
        <extracomment>The whole :class:`BatchView` of an index (any column).</extracomment>
        <translation>, {count} fallidas</translation>
    </message>
    <message>
        <source>backed up · resubmitted as {batch}</source>
        <translation>guardada · reenviada como {batch}</translation>
    </message>
    <message>
        <source>backed up</source>
        <translation>guardada</translation>
    </message>
    <message>
        <source>not backed up: {error}</source>
        <translation>sin copia: {error}</translation>
    </message>
    <message>
        <source>not backed up</source>
        <translation>sin copia</translation>
    </message>
    <message>
        <source>Stuck: {reason}. Resubmit… creates a new batch from the backup.</source>
        <translation>Atascado: {reason}. «Reenviar…» crea un lote nuevo a partir de la copia.</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>held: its status page reports an outage</source>
        <translation>retenido: su página de estado informa de una caída</translation>
    </message>
    <message>
        <source>held: no API key</source>
        <translation>retenido: no hay clave de API</translation>
    </message>
    <message>
        <source>held: the API key was refused</source>
        <translation>retenido: la clave de API fue rechazada</translation>
    </message>
    <message>
        <source>no API key: uploads to it wait</source>
        <translation>no hay clave de API: las subidas a este destino esperan</translation>
    </message>
    <message>
        <source>held ({reason})</source>
        <translation>retenido ({reason})</translation>
    </message>
    <message>
        <source>held: repeated failures (breaker open, next try {when})</source>
        <translation>retenido: fallos repetidos (cortacircuitos abierto, próximo intento {when})</translation>
    </message>
    <message>
        <source>held: repeated failures (breaker open)</source>
        <translation>retenido: fallos repetidos (cortacircuitos abierto)</translation>
    </message>
    <message>
        <source>rate limited until {when}</source>
        <translation>velocidad limitada hasta {when}</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>enviando</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>; {count} unfinished</source>
        <translation>; {count} pendientes</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Service health</source>
        <extracomment>After a snapshot was painted (carries it; None when the service has no monitor). How incident links are opened (a seam so tests never start a browser). Brings this panel to the front (:func:`install` makes it switch tabs).</extracomment>
        <translation>Estado del servicio</translation>
    </message>
    <message>
        <source>Provider status</source>
        <translation>Estado del proveedor</translation>
    </message>
    <message>
        <source>The provider&apos;s status page, as last checked (Ctrl+2)</source>
        <translation>La página de estado del proveedor en la última comprobación (Ctrl+2)</translation>
    </message>
    <message>
        <source>Status page last checked</source>
        <translation>Última comprobación de la página de estado</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Incidencias abiertas</translation>
    </message>
    <message>
        <source>The provider&apos;s unresolved incidents, newest first, with their latest update</source>
        <translation>Las incidencias sin resolver del proveedor, las más recientes primero, con su última actualización</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>Incidencia abierta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Última actualización</translation>
    </message>
    <message>
        <source>Open incident &amp;page</source>
        <translation>Abrir la &amp;página de la incidencia</translation>
    </message>
    <message>
        <source>Open the selected incident in the browser</source>
        <translation>Abrir la incidencia seleccionada en el navegador</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Comprobar ahora</translation>
    </message>
    <message>
        <source>Check the status page and your Batch jobs now (Alt+C)</source>
        <translation>Comprobar ahora la página de estado y tus tareas Batch (Alt+C)</translation>
    </message>
    <message>
        <source>Status checks are not available</source>
        <translation>Las comprobaciones de estado no están disponibles</translation>
    </message>
    <message>
        <source>{component} status</source>
        <translation>Estado de {component}</translation>
    </message>
    <message>
        <source>The status page gives no link</source>
        <translation>La página de estado no da ningún enlace</translation>
    </message>
    <message>
        <source>The status page gives no link for this incident.</source>
        <translation>La página de estado no da ningún enlace para esta incidencia.</translation>
    </message>
    <message>
        <source>Status checked; Batch jobs not: {error}</source>
        <translation>Estado comprobado; tareas Batch no: {error}</translation>
    </message>
    <message>
        <source> ({count} problem(s), see the log)</source>
        <translation> ({count} problema(s), consulta el registro)</translation>
    </message>
    <message>
        <source>Checked: {count} Batch job(s), {stuck} stuck{problems}.</source>
        <translation>Comprobado: {count} tarea(s) Batch, {stuck} atascada(s){problems}.</translation>
    </message>
    <message>
        <source>Check failed: {error}</source>
        <translation>Falló la comprobación: {error}</translation>
    </message>
    <message>
        <source>Checking the status page and your Batch jobs…</source>
        <translation>Comprobando la página de estado y tus tareas Batch…</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Service health</source>
        <translation>Estado del servicio</translation>
    </message>
    <message>
        <source>Your documents and their uploads (Ctrl+1)</source>
        <translation>Tus documentos y sus subidas (Ctrl+1)</translation>
    </message>
    <message>
        <source>Provider status and Batch jobs (Ctrl+2)</source>
        <translation>Estado del proveedor y tareas Batch (Ctrl+2)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documentos</translation>
    </message>
    <message>
        <source>Show your documents</source>
        <translation>Mostrar tus documentos</translation>
    </message>
    <message>
        <source>Service &amp;health</source>
        <translation>Estado del &amp;servicio</translation>
    </message>
    <message>
        <source>Show the service health</source>
        <translation>Mostrar el estado del servicio</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Keeps a copy of every document you attach and uploads it safely.</source>
        <translation>Guarda una copia de cada documento que adjuntas y lo sube de forma segura.</translation>
    </message>
    <message>
        <source>Bundled libraries and models</source>
        <translation>Bibliotecas y modelos incluidos</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <extracomment>Opens a folder in the file manager; replaceable (tests record the URL).</extracomment>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>&amp;Bienvenida…</translation>
    </message>
    <message>
        <source>What AttachGuard does; API key</source>
        <translation>Qué hace AttachGuard; clave de API</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir la carpeta de &amp;registros</translation>
    </message>
    <message>
        <source>Show the log files</source>
        <translation>Mostrar los archivos de registro</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copiar el &amp;diagnóstico</translation>
    </message>
    <message>
        <source>Versions, settings and recent log lines, redacted</source>
        <translation>Versiones, ajustes y últimas líneas del registro, depurados</translation>
    </message>
    <message>
        <source>&amp;About AttachGuard</source>
        <translation>&amp;Acerca de AttachGuard</translation>
    </message>
    <message>
        <source>Versions and licences</source>
        <translation>Versiones y licencias</translation>
    </message>
    <message>
        <source>Could not open {folder}.</source>
        <translation>No se pudo abrir {folder}.</translation>
    </message>
    <message>
        <source>Diagnostics copied (no API key in them); paste them in a bug report.</source>
        <translation>Diagnóstico copiado (sin clave de API); pégalo en un informe de error.</translation>
    </message>
    <message>
        <source>Diagnostics not copied: {e}</source>
        <translation>Diagnóstico no copiado: {e}</translation>
    </message>
</context>
<context>
    <name>KeyringHelp</name>
    <message>
        <source>On KDE Plasma, install and enable KWallet (the kwalletmanager and kwallet packages, then System Settings → KDE Wallet), log out and back in, then restart AttachGuard.</source>
        <translation>En KDE Plasma, instala y activa KWallet (paquetes kwalletmanager y kwallet, luego Preferencias del sistema → Cartera de KDE), cierra sesión y vuelve a entrar, y reinicia AttachGuard.</translation>
    </message>
    <message>
        <source>On this desktop, install gnome-keyring (the gnome-keyring package), log out and back in so it unlocks with your login, then restart AttachGuard.</source>
        <translation>En este escritorio, instala gnome-keyring (paquete gnome-keyring), cierra sesión y vuelve a entrar para que se desbloquee con tu inicio de sesión, y reinicia AttachGuard.</translation>
    </message>
    <message>
        <source>Install gnome-keyring or KWallet, or turn on KeePassXC&apos;s Secret Service integration (KeePassXC → Settings → Secret Service Integration), then restart AttachGuard.</source>
        <translation>Instala gnome-keyring o KWallet, o activa la integración de Secret Service de KeePassXC (KeePassXC → Ajustes → Integración de Secret Service) y reinicia AttachGuard.</translation>
    </message>
    <message>
        <source>The keyring in use ({name}) is not secure: no Secret Service is running, so AttachGuard will not save your API key in it.</source>
        <translation>El llavero en uso ({name}) no es seguro: no hay ningún Secret Service en marcha, así que AttachGuard no guardará ahí tu clave de API.</translation>
    </message>
    <message>
        <source>Meanwhile you can use a key until you quit: it is kept in memory only and never written to disk.</source>
        <translation>Mientras tanto puedes usar una clave hasta que salgas: se guarda solo en memoria y nunca se escribe en el disco.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AttachGuard main window</source>
        <extracomment>After the settings dialog saved a new (or removed the) API key. Every message shown in the status bar (also handy for tests and the e2e log). One add (drop, paste, Add…) finished; carries the :class:`AddSummary`.</extracomment>
        <translation>Ventana principal de AttachGuard</translation>
    </message>
    <message>
        <source>Search by name (Ctrl+F)</source>
        <translation>Buscar por nombre (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search documents by name</source>
        <translation>Buscar documentos por nombre</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <source>Show only documents in this state (Alt+S)</source>
        <translation>Mostrar solo los documentos en este estado (Alt+E)</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Every document backed up, with its upload state; select one to see its details, the context menu (Shift+F10) acts on the selection</source>
        <translation>Cada documento respaldado, con el estado de su subida; seleccione uno para ver sus detalles, el menú contextual (Mayús+F10) actúa sobre la selección</translation>
    </message>
    <message>
        <source>Document count</source>
        <translation>Número de documentos</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Barra de estado</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Añadir archivos…</translation>
    </message>
    <message>
        <source>Back up and upload files</source>
        <translation>Hacer copia de seguridad de archivos y subirlos</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>Añadir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Back up a whole folder</source>
        <translation>Hacer copia de seguridad de una carpeta entera</translation>
    </message>
    <message>
        <source>&amp;Paste files</source>
        <translation>&amp;Pegar archivos</translation>
    </message>
    <message>
        <source>Add files copied in a file manager</source>
        <translation>Añadir archivos copiados en un gestor de archivos</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>API key, uploads, backups</source>
        <translation>Clave de API, subidas, copias de seguridad</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>&amp;Cerrar ventana</translation>
    </message>
    <message>
        <source>Hide this window (the tray keeps running)</source>
        <translation>Ocultar esta ventana (la bandeja sigue funcionando)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documentos</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Buscar por nombre</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;cargar</translation>
    </message>
    <message>
        <source>Read the document list again</source>
        <translation>Volver a leer la lista de documentos</translation>
    </message>
    <message>
        <source>&amp;Uploads</source>
        <translation>&amp;Subidas</translation>
    </message>
    <message>
        <source>Pa&amp;use uploads</source>
        <translation>&amp;Pausar las subidas</translation>
    </message>
    <message>
        <source>Pause or resume uploading</source>
        <translation>Pausar o reanudar las subidas</translation>
    </message>
    <message>
        <source>Retry all &amp;failed now</source>
        <translation>Reintentar todos los &amp;fallidos ahora</translation>
    </message>
    <message>
        <source>Retry every failed upload now</source>
        <translation>Reintentar ahora cada subida fallida</translation>
    </message>
    <message>
        <source>Backing up “{name}”…</source>
        <translation>Guardando «{name}»…</translation>
    </message>
    <message>
        <source>Backing up {count} items…</source>
        <translation>Guardando {count} elementos…</translation>
    </message>
    <message>
        <source>Adding failed: {error}</source>
        <translation>No se pudo añadir: {error}</translation>
    </message>
    <message>
        <source>Reading page {done} of {total}…</source>
        <translation>Leyendo la página {done} de {total}…</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Añadir archivos</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>Añadir una carpeta</translation>
    </message>
    <message>
        <source>The clipboard holds no files to add (copy them in a file manager).</source>
        <translation>El portapapeles no contiene archivos para añadir (cópialos en un gestor de archivos).</translation>
    </message>
    <message>
        <source>Backing up {count} item(s); {skipped} were not local files and were skipped.</source>
        <translation>Guardando {count} elemento(s); {skipped} no eran archivos locales y se omitieron.</translation>
    </message>
    <message>
        <source>{shown} of 1 document match</source>
        <translation>{shown} de 1 documento coinciden</translation>
    </message>
    <message>
        <source>{shown} of {total} documents match</source>
        <translation>{shown} de {total} documentos coinciden</translation>
    </message>
    <message>
        <source>(searching, {read} read)</source>
        <translation>(buscando, {read} leídos)</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 documento</translation>
    </message>
    <message>
        <source>{total} documents</source>
        <translation>{total} documentos</translation>
    </message>
    <message>
        <source>Res&amp;ume uploads</source>
        <translation>&amp;Reanudar las subidas</translation>
    </message>
    <message>
        <source>Uploads resumed.</source>
        <translation>Subidas reanudadas.</translation>
    </message>
    <message>
        <source>Uploads paused.</source>
        <translation>Subidas en pausa.</translation>
    </message>
    <message>
        <source>Retrying {count} upload(s) now.</source>
        <translation>Reintentando {count} subida(s) ahora.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Nada que reintentar.</translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation>Eso no funcionó: {error}</translation>
    </message>
    <message>
        <source>API key saved.</source>
        <translation>Clave de API guardada.</translation>
    </message>
    <message>
        <source>API key removed.</source>
        <translation>Clave de API eliminada.</translation>
    </message>
    <message>
        <source>Settings saved. Upload limits and the base URL apply after AttachGuard restarts.</source>
        <translation>Ajustes guardados. Los límites de subida y la URL base se aplican al reiniciar AttachGuard.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Ajustes guardados.</translation>
    </message>
    <message>
        <source>Now watching {count} folder(s).</source>
        <translation>Ahora se vigilan {count} carpeta(s).</translation>
    </message>
    <message>
        <source>Watched folders not updated: {error}</source>
        <translation>Carpetas vigiladas no actualizadas: {error}</translation>
    </message>
    <message>
        <source>Document actions</source>
        <translation>Acciones del documento</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>it is larger than OpenAI accepts</source>
        <extracomment>Why an upload failed for good, in words a user understands (keys: ErrorKind values).</extracomment>
        <translation>supera el tamaño que acepta OpenAI</translation>
    </message>
    <message>
        <source>OpenAI refused the file</source>
        <translation>OpenAI rechazó el archivo</translation>
    </message>
    <message>
        <source>the API key was refused</source>
        <translation>la clave de API fue rechazada</translation>
    </message>
    <message>
        <source>OpenAI kept rate-limiting the upload</source>
        <translation>OpenAI limitaba la subida una y otra vez</translation>
    </message>
    <message>
        <source>OpenAI&apos;s servers kept failing</source>
        <translation>los servidores de OpenAI fallaban una y otra vez</translation>
    </message>
    <message>
        <source>the network kept failing</source>
        <translation>la red fallaba una y otra vez</translation>
    </message>
    <message>
        <source>the uploaded file expired on OpenAI&apos;s side</source>
        <translation>el archivo subido caducó en OpenAI</translation>
    </message>
    <message>
        <source>it kept failing</source>
        <translation>fallaba una y otra vez</translation>
    </message>
    <message>
        <source>Click to copy its text and paste that instead.</source>
        <extracomment>Buttons of their own (key, label), handled by ``NoticeDisplay.on_action(key, …)``; the first is also what a click on the balloon does (e.g. the failover offer&apos;s &quot;Upload to …&quot;). The last sentence of a failure notice: a balloon is clicked, a notification has buttons.</extracomment>
        <translation>Haz clic para copiar su texto y pegarlo en su lugar.</translation>
    </message>
    <message>
        <source>Click to copy their text and paste that instead.</source>
        <translation>Haz clic para copiar su texto y pegarlo en su lugar.</translation>
    </message>
    <message>
        <source>Use “Copy text” to copy its text and paste that instead.</source>
        <translation>Usa «Copiar texto» para copiar su texto y pegarlo en su lugar.</translation>
    </message>
    <message>
        <source>Use “Copy text” to copy their text and paste that instead.</source>
        <translation>Usa «Copiar texto» para copiar su texto y pegarlo en su lugar.</translation>
    </message>
    <message>
        <source>Upload expired</source>
        <translation>Subida caducada</translation>
    </message>
    <message>
        <source>{name} expired on OpenAI&apos;s side. It is still backed up here.</source>
        <translation>{name} caducó en OpenAI. Su copia de seguridad sigue aquí.</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>La subida falló</translation>
    </message>
    <message>
        <source>{name} could not be uploaded: {reason}. It is still backed up here.</source>
        <translation>{name} no se pudo subir: {reason}. Su copia de seguridad sigue aquí.</translation>
    </message>
    <message>
        <source>{count} uploads need attention</source>
        <translation>{count} subidas requieren atención</translation>
    </message>
    <message>
        <source>{count} expired</source>
        <translation>{count} caducado(s)</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} fallido(s)</translation>
    </message>
    <message>
        <source>{count} documents could not be uploaded ({details}). They are still backed up here.</source>
        <translation>{count} documentos no se pudieron subir ({details}). Siguen teniendo copia de seguridad aquí.</translation>
    </message>
    <message>
        <source>{name} was uploaded.</source>
        <translation>{name} se subió.</translation>
    </message>
    <message>
        <source>{count} documents were uploaded.</source>
        <translation>Se subieron {count} documentos.</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Subido</translation>
    </message>
    <message>
        <source>Copy text</source>
        <extracomment>The buttons of a failure notice (key, label), in the order the server shows them. (Labels are translated when shown: see :func:`_actions`.)</extracomment>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Text preview — AttachGuard</source>
        <translation>Vista previa del texto — AttachGuard</translation>
    </message>
    <message>
        <source>Text preview</source>
        <translation>Vista previa del texto</translation>
    </message>
    <message>
        <source>Last copy</source>
        <translation>Última copia</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the preview (the text stays cached for next time)</source>
        <translation>Cerrar la vista previa (el texto queda en caché para la próxima vez)</translation>
    </message>
    <message>
        <source>Text of {name} — AttachGuard</source>
        <translation>Texto de {name} — AttachGuard</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>Text preview</source>
        <extracomment>The prompt is shown (a ``FallbackPrompt``). The prompt could not be built: one sentence for the user. A part was copied (a ``CopyResult``). Extraction progress: pages done, pages in all. How long the last build took from request to text on screen (for the benchmark).</extracomment>
        <translation>Vista previa del texto</translation>
    </message>
    <message>
        <source>Size of each part</source>
        <translation>Tamaño de cada parte</translation>
    </message>
    <message>
        <source>Where the text will be pasted: it is split into parts that fit there</source>
        <translation>Dónde se pegará el texto: se divide en partes que caben allí</translation>
    </message>
    <message>
        <source>{description} (up to {tokens} tokens a part)</source>
        <translation>{description} (hasta {tokens} tokens por parte)</translation>
    </message>
    <message>
        <source>Si&amp;ze for:</source>
        <translation>&amp;Tamaño para:</translation>
    </message>
    <message>
        <source>Pages or sheet</source>
        <translation>Páginas u hoja</translation>
    </message>
    <message>
        <source>all (or pages 3-10, or a sheet name)</source>
        <translation>todo (o páginas 3-10, o un nombre de hoja)</translation>
    </message>
    <message>
        <source>Only these pages or slides (3-10, 1,4-6) or this sheet; empty for everything. Press Enter to apply.</source>
        <translation>Solo estas páginas o diapositivas (3-10, 1,4-6) o esta hoja; vacío para todo. Pulsa Intro para aplicar.</translation>
    </message>
    <message>
        <source>&amp;Pages/sheet:</source>
        <translation>&amp;Páginas/hoja:</translation>
    </message>
    <message>
        <source>Extraction progress</source>
        <translation>Progreso de la extracción</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop extracting the text</source>
        <translation>Detener la extracción del texto</translation>
    </message>
    <message>
        <source>Stop reading the document; the pages read so far are kept for next time</source>
        <translation>Dejar de leer el documento; las páginas leídas hasta ahora se guardan para la próxima vez</translation>
    </message>
    <message>
        <source>Size of the text</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Partes</translation>
    </message>
    <message>
        <source>The parts the text is split into; select one to see it, Copy puts it on the clipboard</source>
        <translation>Las partes en que se divide el texto; seleccione una para verla, Copiar la pone en el portapapeles</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Contiene</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Copy &amp;next part</source>
        <translation>Copiar la parte &amp;siguiente</translation>
    </message>
    <message>
        <source>Copy the next part</source>
        <translation>Copiar la parte siguiente</translation>
    </message>
    <message>
        <source>Put the next part on the clipboard, ready to paste after the last one</source>
        <translation>Poner la parte siguiente en el portapapeles, lista para pegar tras la anterior</translation>
    </message>
    <message>
        <source>The text as it will be pasted</source>
        <translation>El texto tal como se pegará</translation>
    </message>
    <message>
        <source>{reason}. Try 3-10, or a sheet&apos;s name.</source>
        <translation>{reason}. Prueba 3-10, o el nombre de una hoja.</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>Leyendo el documento…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Reading page {done} of {total}…</source>
        <translation>Leyendo la página {done} de {total}…</translation>
    </message>
    <message>
        <source>Stopped. The pages read so far are kept: the next preview goes on from there.</source>
        <translation>Detenido. Las páginas leídas hasta ahora se conservan: la próxima vista previa sigue desde ahí.</translation>
    </message>
    <message>
        <source>{chars} characters, {tokens} tokens ({tokenizer}), in 1 part.</source>
        <translation>{chars} caracteres, {tokens} tokens ({tokenizer}), en 1 parte.</translation>
    </message>
    <message>
        <source>{chars} characters, {tokens} tokens ({tokenizer}), in {count} parts.</source>
        <translation>{chars} caracteres, {tokens} tokens ({tokenizer}), en {count} partes.</translation>
    </message>
    <message>
        <source>Left out: {skipped}</source>
        <translation>Omitidos: {skipped}</translation>
    </message>
    <message>
        <source>{part} of {count}</source>
        <translation>{part} de {count}</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>todo</translation>
    </message>
    <message>
        <source>{tokens} tokens, {chars} characters</source>
        <translation>{tokens} tokens, {chars} caracteres</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy part {part}</source>
        <translation>Copiar la parte {part}</translation>
    </message>
    <message>
        <source>Put part {part} on the clipboard, ready to paste</source>
        <translation>Poner la parte {part} en el portapapeles, lista para pegar</translation>
    </message>
    <message>
        <source>Put part {part} of {count} on the clipboard</source>
        <translation>Poner la parte {part} de {count} en el portapapeles</translation>
    </message>
    <message>
        <source>There is no text to copy yet.</source>
        <translation>Aún no hay texto que copiar.</translation>
    </message>
    <message>
        <source>Copy &amp;next part ({part} of {count})</source>
        <translation>Copiar la parte &amp;siguiente ({part} de {count})</translation>
    </message>
    <message>
        <source>There is no text to show for that document.</source>
        <extracomment>&quot;3-10&quot;, &quot;1, 4-6&quot;, &quot;pages 5-&quot;: a page (or slide) selection; anything else names a sheet.</extracomment>
        <translation>No hay texto que mostrar de ese documento.</translation>
    </message>
    <message>
        <source>Something went wrong while extracting the text (details are in the log)</source>
        <translation>Algo salió mal al extraer el texto (los detalles están en el registro)</translation>
    </message>
</context>
<context>
    <name>QueueStatusLabels</name>
    <message>
        <source>Upload queue state</source>
        <extracomment>Emitted with the ``QueueStatus`` after every successful read.</extracomment>
        <translation>Estado de la cola de subidas</translation>
    </message>
    <message>
        <source>Service state</source>
        <translation>Estado del servicio</translation>
    </message>
    <message>
        <source>Queue status unavailable: {error}</source>
        <translation>Estado de la cola no disponible: {error}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>AttachGuard settings</source>
        <extracomment>Emitted with a one-line message when saving failed (also shown in the dialog).</extracomment>
        <translation>Ajustes de AttachGuard</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <extracomment>After a save: whether a changed setting only takes effect after a restart. After a save of the settings (not only the key): what it changed. The login-item writer for this platform; replaceable (tests use a temp folder).</extracomment>
        <translation>Secciones de ajustes</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <source>&amp;Uploads</source>
        <translation>&amp;Subidas</translation>
    </message>
    <message>
        <source>&amp;Backups &amp;&amp; text</source>
        <translation>Copias de &amp;seguridad &amp;&amp; texto</translation>
    </message>
    <message>
        <source>&amp;Watched folders</source>
        <translation>Carpetas &amp;vigiladas</translation>
    </message>
    <message>
        <source>Tar&amp;gets</source>
        <translation>Des&amp;tinos</translation>
    </message>
    <message>
        <source>A&amp;pp</source>
        <translation>A&amp;plicación</translation>
    </message>
    <message>
        <source>Settings file problem</source>
        <translation>Problema con el archivo de ajustes</translation>
    </message>
    <message>
        <source>Save error</source>
        <translation>Error al guardar</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar los ajustes</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <source>sk-…  (leave empty to keep the stored key)</source>
        <translation>sk-…  (déjala vacía para conservar la clave guardada)</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Your OpenAI API key; stored only in the OS keyring</source>
        <translation>Tu clave de API de OpenAI; se guarda solo en el llavero del sistema</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation>Mostrar la clave de API</translation>
    </message>
    <message>
        <source>Show the key while typing</source>
        <translation>Mostrar la clave al escribir</translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation>&amp;Eliminar la clave guardada</translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation>Eliminar la clave guardada</translation>
    </message>
    <message>
        <source>Delete the key from the keyring</source>
        <translation>Borrar la clave del llavero</translation>
    </message>
    <message>
        <source>Use this key until I &amp;quit</source>
        <translation>Usar esta clave hasta que &amp;salga</translation>
    </message>
    <message>
        <source>Use this key until I quit</source>
        <translation>Usar esta clave hasta que salga</translation>
    </message>
    <message>
        <source>Keep the key in memory only, for uploads until AttachGuard quits</source>
        <translation>Mantener la clave solo en memoria, para las subidas hasta que AttachGuard se cierre</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>Comprobando el llavero…</translation>
    </message>
    <message>
        <source>API key status</source>
        <translation>Estado de la clave de API</translation>
    </message>
    <message>
        <source>Keyring backend</source>
        <translation>Sistema de llavero</translation>
    </message>
    <message>
        <source>Keyring warning</source>
        <translation>Aviso del llavero</translation>
    </message>
    <message>
        <source>{name} is set in the environment; it is used instead of the stored key.</source>
        <translation>{name} está definida en el entorno; se usa en lugar de la clave guardada.</translation>
    </message>
    <message>
        <source>https://api.openai.com/v1</source>
        <translation>https://api.openai.com/v1</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>API base URL; leave empty for the public API</source>
        <translation>URL base de la API; déjala vacía para la API pública</translation>
    </message>
    <message>
        <source>{name} is set in the environment; {url} is used while this is empty.</source>
        <translation>{name} está definido en el entorno; se usa {url} mientras este campo esté vacío.</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clave de API:</translation>
    </message>
    <message>
        <source>Keyring:</source>
        <translation>Llavero:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>&amp;URL base:</translation>
    </message>
    <message>
        <source>Upload documents as soon as they are added</source>
        <translation>Subir los documentos en cuanto se añaden</translation>
    </message>
    <message>
        <source>Upload automatically</source>
        <translation>Subir automáticamente</translation>
    </message>
    <message>
        <source>Otherwise documents are only backed up</source>
        <translation>Si no, los documentos solo se guardan</translation>
    </message>
    <message>
        <source>Default purpose</source>
        <translation>Propósito predeterminado</translation>
    </message>
    <message>
        <source>Purpose sent with each upload</source>
        <translation>Propósito enviado con cada subida</translation>
    </message>
    <message>
        <source>Uploaded files expire after</source>
        <translation>Los archivos subidos caducan tras</translation>
    </message>
    <message>
        <source>Uploaded files expire</source>
        <translation>Los archivos subidos caducan</translation>
    </message>
    <message>
        <source>Ask the service to delete files later</source>
        <translation>Pedir al servicio que borre los archivos más tarde</translation>
    </message>
    <message>
        <source>Expiry in hours</source>
        <translation>Caducidad en horas</translation>
    </message>
    <message>
        <source>1 hour to 30 days</source>
        <translation>De 1 hora a 30 días</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Parallel uploads</source>
        <translation>Subidas simultáneas</translation>
    </message>
    <message>
        <source>How many uploads run at once</source>
        <translation>Cuántas subidas se hacen a la vez</translation>
    </message>
    <message>
        <source>Keep retrying for</source>
        <translation>Seguir reintentando durante</translation>
    </message>
    <message>
        <source>Hours after the first attempt, during outages</source>
        <translation>Horas tras el primer intento, durante las caídas</translation>
    </message>
    <message>
        <source>Maximum attempts</source>
        <translation>Intentos máximos</translation>
    </message>
    <message>
        <source>Attempts before a job fails</source>
        <translation>Intentos antes de que una tarea falle</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Longest wait between attempts</source>
        <translation>Espera máxima entre intentos</translation>
    </message>
    <message>
        <source>In seconds</source>
        <translation>En segundos</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default &amp;purpose:</source>
        <translation>&amp;Propósito predeterminado:</translation>
    </message>
    <message>
        <source>Parallel up&amp;loads:</source>
        <translation>Subidas &amp;simultáneas:</translation>
    </message>
    <message>
        <source>Maximum &amp;attempts:</source>
        <translation>&amp;Intentos máximos:</translation>
    </message>
    <message>
        <source>Longest &amp;wait between attempts:</source>
        <translation>&amp;Espera máxima entre intentos:</translation>
    </message>
    <message>
        <source>Keep retr&amp;ying for:</source>
        <translation>Seguir &amp;reintentando durante:</translation>
    </message>
    <message>
        <source>The base URL, parallel uploads and retry limits apply from the next start of AttachGuard; purpose and expiry apply to documents added from now on.</source>
        <translation>La URL base, las subidas simultáneas y los límites de reintento se aplican desde el próximo inicio de AttachGuard; el propósito y la caducidad se aplican a los documentos añadidos a partir de ahora.</translation>
    </message>
    <message>
        <source>Token budget</source>
        <translation>Presupuesto de tokens</translation>
    </message>
    <message>
        <source>Largest text fallback, in tokens</source>
        <translation>Texto alternativo más grande, en tokens</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>Part size for</source>
        <translation>Tamaño de las partes para</translation>
    </message>
    <message>
        <source>Where the copied text goes; the preview and Copy text size its parts for it</source>
        <translation>Adónde va el texto copiado; la vista previa y «Copiar texto» ajustan el tamaño de las partes a ello</translation>
    </message>
    <message>
        <source>ChatGPT message size</source>
        <translation>Tamaño de un mensaje de ChatGPT</translation>
    </message>
    <message>
        <source>Tokens in one ChatGPT message</source>
        <translation>Tokens en un mensaje de ChatGPT</translation>
    </message>
    <message>
        <source>Remove backups older than</source>
        <translation>Eliminar copias con más de</translation>
    </message>
    <message>
        <source>Limit backup age</source>
        <translation>Limitar la antigüedad de las copias</translation>
    </message>
    <message>
        <source>Pending uploads are never removed</source>
        <translation>Las subidas pendientes nunca se eliminan</translation>
    </message>
    <message>
        <source>Backup age in days</source>
        <translation>Antigüedad de las copias en días</translation>
    </message>
    <message>
        <source>Days to keep</source>
        <translation>Días que se conservan</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Keep backups under</source>
        <translation>Limitar las copias a</translation>
    </message>
    <message>
        <source>Limit backup size</source>
        <translation>Limitar el tamaño de las copias</translation>
    </message>
    <message>
        <source>Oldest backups are removed first</source>
        <translation>Las copias más antiguas se eliminan primero</translation>
    </message>
    <message>
        <source>Backup size limit</source>
        <translation>Límite de tamaño de las copias</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Tamaño total</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>OpenAI API part si&amp;ze:</source>
        <translation>Tamaño de las partes para la API de Open&amp;AI:</translation>
    </message>
    <message>
        <source>Part size of the OpenAI API preset, in tokens</source>
        <translation>Tamaño de las partes del ajuste «API de OpenAI», en tokens</translation>
    </message>
    <message>
        <source>&amp;Chat part size:</source>
        <translation>Tamaño de las partes para el &amp;chat:</translation>
    </message>
    <message>
        <source>Size parts &amp;for:</source>
        <translation>Ajustar las partes &amp;para:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Follow the system, or always light or dark</source>
        <translation>Seguir al sistema, o siempre claro u oscuro</translation>
    </message>
    <message>
        <source>Notify when an upload succeeds</source>
        <translation>Avisar cuando una subida termine bien</translation>
    </message>
    <message>
        <source>Success notifications</source>
        <translation>Avisos de éxito</translation>
    </message>
    <message>
        <source>Failures are always notified</source>
        <translation>Los fallos siempre se notifican</translation>
    </message>
    <message>
        <source>Start AttachGuard when I log in</source>
        <translation>Iniciar AttachGuard al iniciar sesión</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Iniciar al iniciar sesión</translation>
    </message>
    <message>
        <source>Adds AttachGuard to your session</source>
        <translation>Añade AttachGuard a tu sesión</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>The settings file cannot be read, so it will not be changed from here: {problem}. Fix or remove the file and reopen this dialog. The API key can still be saved.</source>
        <translation>No se puede leer el archivo de ajustes, así que no se cambiará desde aquí: {problem}. Arregla o elimina el archivo y vuelve a abrir este diálogo. La clave de API se puede guardar igualmente.</translation>
    </message>
    <message>
        <source>A key is in use until you quit; it is not saved anywhere.</source>
        <translation>Hay una clave en uso hasta que salgas; no se guarda en ningún sitio.</translation>
    </message>
    <message>
        <source>A key is stored in the keyring.</source>
        <translation>Hay una clave guardada en el llavero.</translation>
    </message>
    <message>
        <source>No key is stored.</source>
        <translation>No hay ninguna clave guardada.</translation>
    </message>
    <message>
        <source>The keyring could not be read: {error}</source>
        <translation>No se pudo leer el llavero: {error}</translation>
    </message>
    <message>
        <source>Type or paste the API key first.</source>
        <translation>Escribe o pega primero la clave de API.</translation>
    </message>
    <message>
        <source>Not used: {error}</source>
        <translation>No se usó: {error}</translation>
    </message>
    <message>
        <source>The stored key will be removed when you save.</source>
        <translation>La clave guardada se eliminará al guardar.</translation>
    </message>
    <message>
        <source>The base URL must start with https:// (or http:// for a local server).</source>
        <translation>La URL base debe empezar por https:// (o http:// para un servidor local).</translation>
    </message>
    <message>
        <source>Nothing was saved: the settings file must be fixed first.</source>
        <translation>No se guardó nada: primero hay que arreglar el archivo de ajustes.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>No se guardó: {error}</translation>
    </message>
    <message>
        <source>Saved, but start at login could not be changed: {error}</source>
        <translation>Guardado, pero no se pudo cambiar el inicio al iniciar sesión: {error}</translation>
    </message>
</context>
<context>
    <name>SizePresets</name>
    <message>
        <source>ChatGPT message</source>
        <translation>Mensaje de ChatGPT</translation>
    </message>
    <message>
        <source>one ChatGPT message per part (setting fallback.chat_part_tokens)</source>
        <translation>un mensaje de ChatGPT por parte (ajuste fallback.chat_part_tokens)</translation>
    </message>
    <message>
        <source>OpenAI API</source>
        <translation>API de OpenAI</translation>
    </message>
    <message>
        <source>a model&apos;s context through the API (setting fallback.max_tokens)</source>
        <translation>el contexto de un modelo a través de la API (ajuste fallback.max_tokens)</translation>
    </message>
    <message>
        <source>Claude</source>
        <translation>Claude</translation>
    </message>
    <message>
        <source>one Claude.ai message per part</source>
        <translation>un mensaje de Claude.ai por parte</translation>
    </message>
    <message>
        <source>Gemini</source>
        <translation>Gemini</translation>
    </message>
    <message>
        <source>one Gemini app message per part</source>
        <translation>un mensaje de la app Gemini por parte</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>Modelo local</translation>
    </message>
    <message>
        <source>a local model with a 4k-token context (Ollama, LM Studio)</source>
        <translation>un modelo local con un contexto de 4k tokens (Ollama, LM Studio)</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Uploads paused by you (Ctrl+Shift+P resumes)</source>
        <translation>Subidas pausadas por ti (Ctrl+Mayús+P las reanuda)</translation>
    </message>
    <message>
        <source>Uploads paused until you add an API key in Settings (Ctrl+,)</source>
        <translation>Subidas en pausa hasta que añadas una clave de API en Ajustes (Ctrl+,)</translation>
    </message>
    <message>
        <source>Uploads paused: the API key was rejected; check it in Settings</source>
        <translation>Subidas en pausa: la clave de API fue rechazada; revísala en Ajustes</translation>
    </message>
    <message>
        <source>Uploads paused: the OpenAI account is out of credit; add credit, then resume uploads</source>
        <translation>Subidas en pausa: la cuenta de OpenAI no tiene saldo; añade saldo y reanuda las subidas</translation>
    </message>
    <message>
        <source>Uploads paused: rate limited by the service{next}</source>
        <translation>Subidas en pausa: el servicio limita la velocidad{next}</translation>
    </message>
    <message>
        <source>Service trouble: too many failures in a row{next}</source>
        <translation>Problema del servicio: demasiados fallos seguidos{next}</translation>
    </message>
    <message>
        <source>Service trouble: the provider reports an outage{next}</source>
        <translation>Problema del servicio: el proveedor informa de una caída{next}</translation>
    </message>
    <message>
        <source>when OpenAI recovers</source>
        <extracomment>While uploads wait (to retry, or for OpenAI), the status is read again this often.</extracomment>
        <translation>cuando OpenAI se recupere</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>subiendo</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>esperando para reintentar</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallidos</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducados</translation>
    </message>
    <message>
        <source>All uploads done</source>
        <translation>Todas las subidas terminadas</translation>
    </message>
    <message>
        <source>; next try {when}</source>
        <translation>; próximo intento {when}</translation>
    </message>
    <message>
        <source>Service trouble: uploads are held{next}</source>
        <translation>Problema del servicio: las subidas están retenidas{next}</translation>
    </message>
    <message>
        <source>Some uploads need attention</source>
        <translation>Algunas subidas requieren atención</translation>
    </message>
    <message>
        <source>Retrying 1 upload{next}</source>
        <translation>Reintentando 1 subida{next}</translation>
    </message>
    <message>
        <source>Retrying {count} uploads{next}</source>
        <translation>Reintentando {count} subidas{next}</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Subiendo</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>TargetKeys</name>
    <message>
        <source>Upload targets</source>
        <extracomment>After the list was (re)read: carries the states. A one-line outcome of &quot;Set key…&quot; (stored, or why not).</extracomment>
        <translation>Destinos de subida</translation>
    </message>
    <message>
        <source>Upload targets and their keys</source>
        <extracomment>Asks for a key (title, target name) and returns it, &quot;&quot; when cancelled; a seam so tests do not drive a modal dialog.</extracomment>
        <translation>Destinos de subida y sus claves</translation>
    </message>
    <message>
        <source>Where documents are uploaded, and whether each has its API key</source>
        <translation>Adónde se suben los documentos y si cada destino tiene su clave de API</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>&amp;Set key…</source>
        <translation>&amp;Establecer clave…</translation>
    </message>
    <message>
        <source>Store a key for the selected target in the OS keyring, under its own entry</source>
        <translation>Guardar una clave para el destino seleccionado en el llavero del sistema, con su propia entrada</translation>
    </message>
    <message>
        <source>Targets are listed in settings.toml as [[targets]] tables; a change there takes effect after a restart. Keys never go to a file.</source>
        <translation>Los destinos se listan en settings.toml como tablas [[targets]]; un cambio ahí surte efecto tras reiniciar. Las claves nunca van a un archivo.</translation>
    </message>
    <message>
        <source>Cannot read the targets: {error}</source>
        <translation>No se pueden leer los destinos: {error}</translation>
    </message>
    <message>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>Key for {name}</source>
        <translation>Clave para {name}</translation>
    </message>
    <message>
        <source>API key for the upload target {name}:</source>
        <translation>Clave de API para el destino de subida {name}:</translation>
    </message>
    <message>
        <source>The key for {name} is stored in the keyring.</source>
        <translation>La clave para {name} está guardada en el llavero.</translation>
    </message>
    <message>
        <source>The key for {name} was not stored: {error}</source>
        <translation>La clave para {name} no se guardó: {error}</translation>
    </message>
</context>
<context>
    <name>TargetsView</name>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>subiendo</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>verificando</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>esperando para reintentar</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>subido</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducado</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>{done}/{count} targets</source>
        <translation>{done}/{count} destinos</translation>
    </message>
    <message>
        <source>expires {when}</source>
        <translation>caduca {when}</translation>
    </message>
    <message>
        <source>kept until deleted</source>
        <translation>se conserva hasta borrarlo</translation>
    </message>
    <message>
        <source>not uploaded, {state}</source>
        <translation>no subido, {state}</translation>
    </message>
    <message>
        <source>Upload targets</source>
        <extracomment>After the states were painted (carries the list).</extracomment>
        <translation>Destinos de subida</translation>
    </message>
    <message>
        <source>Upload targets and their state</source>
        <translation>Destinos de subida y su estado</translation>
    </message>
    <message>
        <source>Whether each upload target takes uploads now, and if not, why</source>
        <translation>Si cada destino de subida acepta subidas ahora y, si no, por qué</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source> (primary)</source>
        <translation> (principal)</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <extracomment>The theme choices&apos; names (``theme.CHOICES`` values), translated when shown.</extracomment>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>AttachGuard cannot start</source>
        <extracomment>How long a launch that lost the race for the lock waits for the winner to start listening. With no tray at start, look for one every 2 s for 2 minutes (login race with the panel).</extracomment>
        <translation>AttachGuard no puede iniciarse</translation>
    </message>
    <message>
        <source>Add files to AttachGuard</source>
        <translation>Añadir archivos a AttachGuard</translation>
    </message>
    <message>
        <source>Retrying {count} upload(s) now.</source>
        <translation>Reintentando {count} subida(s) ahora.</translation>
    </message>
    <message>
        <source>it is not making progress</source>
        <translation>no avanza</translation>
    </message>
    <message>
        <source>A batch looks stuck</source>
        <translation>Un lote parece atascado</translation>
    </message>
    <message>
        <source>Batch {batch} ({status}): {reason}. Its input file is backed up; click to see it and resubmit it.</source>
        <translation>Lote {batch} ({status}): {reason}. Su archivo de entrada tiene copia de seguridad; haz clic para verlo y reenviarlo.</translation>
    </message>
    <message>
        <source>Uploads are paused until you add an API key. Your documents are still backed up. Click here to open Settings.</source>
        <translation>Las subidas están en pausa hasta que añadas una clave de API. Tus documentos siguen teniendo copia de seguridad. Haz clic aquí para abrir los ajustes.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Pa&amp;use uploads</source>
        <extracomment>How often a shown retry time is re-described, and how often, once it has passed, the queue is read again while nothing else refreshes it. Pause and Resume share their mnemonic (U), so the key that paused also resumes.</extracomment>
        <translation>&amp;Pausar las subidas</translation>
    </message>
    <message>
        <source>Res&amp;ume uploads</source>
        <translation>&amp;Reanudar las subidas</translation>
    </message>
    <message>
        <source>upload failed</source>
        <translation>la subida falló</translation>
    </message>
    <message>
        <source>expired on OpenAI</source>
        <translation>caducado en OpenAI</translation>
    </message>
    <message>
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <source>AttachGuard: starting</source>
        <extracomment>Emitted on the GUI thread after each applied snapshot. Every &quot;Copy text instead&quot; outcome (from the menu, a notification click or the CLI). (title, text) of every message shown (also when the platform has no tray to show it). &quot;Preview text…&quot;: the entry id of the document whose text the preview should show. Where the platform&apos;s colour scheme is read (tests pass their own: the offscreen platform cannot change it).</extracomment>
        <translation>AttachGuard: iniciando</translation>
    </message>
    <message>
        <source>AttachGuard tray menu</source>
        <translation>Menú de AttachGuard en la bandeja</translation>
    </message>
    <message>
        <source>Uploads paused until you add an API key</source>
        <translation>Subidas en pausa hasta que añadas una clave de API</translation>
    </message>
    <message>
        <source>Add your API key in Settings to upload; copying text works without one</source>
        <translation>Añada su clave de API en Ajustes para subir; copiar el texto funciona sin ella</translation>
    </message>
    <message>
        <source>&amp;Open AttachGuard</source>
        <translation>&amp;Abrir AttachGuard</translation>
    </message>
    <message>
        <source>Show the window with every document and its state</source>
        <translation>Mostrar la ventana con cada documento y su estado</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Añadir archivos…</translation>
    </message>
    <message>
        <source>Choose files to back up and upload, as if dropped on the window</source>
        <translation>Elegir archivos para respaldar y subir, como si se soltaran en la ventana</translation>
    </message>
    <message>
        <source>&amp;Copy text instead</source>
        <translation>&amp;Copiar el texto en su lugar</translation>
    </message>
    <message>
        <source>Put the text of the latest failed or expired document (else the latest added) on the clipboard, ready to paste</source>
        <translation>Poner el texto del último documento fallido o caducado (si no, del último añadido) en el portapapeles, listo para pegar</translation>
    </message>
    <message>
        <source>Copy text o&amp;f…</source>
        <translation>Copiar el texto &amp;de…</translation>
    </message>
    <message>
        <source>Copy the text of a recent document</source>
        <translation>Copiar el texto de un documento reciente</translation>
    </message>
    <message>
        <source>Put the text of one of the latest documents on the clipboard</source>
        <translation>Poner el texto de uno de los últimos documentos en el portapapeles</translation>
    </message>
    <message>
        <source>Pre&amp;view text…</source>
        <translation>&amp;Vista previa del texto…</translation>
    </message>
    <message>
        <source>See the text “Copy text instead” would copy, part by part, before copying</source>
        <translation>Ver, parte por parte, el texto que «Copiar el texto en su lugar» copiaría, antes de copiarlo</translation>
    </message>
    <message>
        <source>&amp;Retry failed now</source>
        <translation>&amp;Reintentar los fallidos ahora</translation>
    </message>
    <message>
        <source>Upload every failed document again now, without waiting for the next try</source>
        <translation>Volver a subir ahora cada documento fallido, sin esperar al próximo intento</translation>
    </message>
    <message>
        <source>Stop starting uploads until you resume (documents are still backed up)</source>
        <translation>No iniciar subidas hasta que las reanude (los documentos se siguen respaldando)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>Change the API key, watched folders, upload targets and text sizes</source>
        <translation>Cambiar la clave de API, las carpetas vigiladas, los destinos de subida y los tamaños de texto</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close AttachGuard (waiting uploads resume at the next start)</source>
        <translation>Salir de AttachGuard (las subidas pendientes siguen en el próximo inicio)</translation>
    </message>
    <message>
        <source>AttachGuard: starting…</source>
        <extracomment>The icon file now shown (a symbolic variant follows the platform&apos;s colour scheme).</extracomment>
        <translation>AttachGuard: iniciando…</translation>
    </message>
    <message>
        <source>Put the text of {name} on the clipboard</source>
        <translation>Poner el texto de {name} en el portapapeles</translation>
    </message>
    <message>
        <source>Start uploading the waiting documents again</source>
        <translation>Volver a subir los documentos pendientes</translation>
    </message>
    <message>
        <source>There is no document to preview yet: add one.</source>
        <translation>Aún no hay ningún documento para previsualizar: añade uno.</translation>
    </message>
    <message>
        <source>AttachGuard: reading page {done} of {total}</source>
        <translation>AttachGuard: leyendo la página {done} de {total}</translation>
    </message>
    <message>
        <source>Retrying 1 document now.</source>
        <translation>Reintentando 1 documento ahora.</translation>
    </message>
    <message>
        <source>Retrying {count} documents now.</source>
        <translation>Reintentando {count} documentos ahora.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Nada que reintentar.</translation>
    </message>
</context>
<context>
    <name>TrayHelpBanner</name>
    <message>
        <source>Until then, AttachGuard works from this window, and closing the window quits it.</source>
        <translation>Hasta entonces, AttachGuard funciona desde esta ventana, y al cerrarla se cierra.</translation>
    </message>
    <message>
        <source>GNOME shows no tray icons by itself: install the AppIndicator extension (package gnome-shell-extension-appindicator on Debian and Ubuntu), turn it on in Extensions, log out and back in, and AttachGuard appears in the top bar.</source>
        <extracomment>Per desktop (a word of ``XDG_CURRENT_DESKTOP``, lower case): how to get a tray there.</extracomment>
        <translation>GNOME no muestra iconos de bandeja por sí mismo: instala la extensión AppIndicator (paquete gnome-shell-extension-appindicator en Debian y Ubuntu), actívala en Extensiones, cierra la sesión y vuelve a entrar, y AttachGuard aparecerá en la barra superior.</translation>
    </message>
    <message>
        <source>Your Plasma panel has no system tray: right-click the panel, choose Add Widgets, and add the System Tray.</source>
        <translation>Tu panel de Plasma no tiene bandeja del sistema: haz clic derecho en el panel, elige Añadir elementos gráficos y añade la Bandeja del sistema.</translation>
    </message>
    <message>
        <source>Your Xfce panel has no tray: right-click a panel, choose Panel &gt; Add New Items, and add the Status Tray Plugin.</source>
        <translation>Tu panel de Xfce no tiene bandeja: haz clic derecho en un panel, elige Panel &gt; Añadir elementos nuevos y añade el complemento Status Tray.</translation>
    </message>
    <message>
        <source>Your bar shows no tray: add the tray module to waybar (&quot;tray&quot; in modules-right) or turn on the tray of the bar you use.</source>
        <translation>Tu barra no muestra bandeja: añade el módulo tray a waybar («tray» en modules-right) o activa la bandeja de la barra que uses.</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons: add a system tray (status notifier) to your panel or bar, and AttachGuard moves into it.</source>
        <translation>Este escritorio no muestra iconos de bandeja: añade una bandeja del sistema (status notifier) a tu panel o barra, y AttachGuard se moverá a ella.</translation>
    </message>
    <message>
        <source>No system tray</source>
        <translation>No hay bandeja del sistema</translation>
    </message>
    <message>
        <source>How to get a tray icon</source>
        <translation>Cómo conseguir un icono en la bandeja</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Hide this advice</source>
        <translation>Ocultar este consejo</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>uploading</source>
        <translation>subiendo</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>verificando</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>esperando para reintentar</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallidos</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducados</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>subidos</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelados</translation>
    </message>
    <message>
        <source>Uploads paused until you add an API key</source>
        <extracomment>How many documents the tray&apos;s &quot;Copy text of…&quot; submenu lists. Pauses during which jobs wait for OpenAI itself to recover. What &quot;Copy text instead&quot; copies (the first) and &quot;Copy text of…&quot; lists, best first. The tooltip shows a retry time that changes as time passes: describe it again each second.</extracomment>
        <translation>Subidas en pausa hasta que añadas una clave de API</translation>
    </message>
    <message>
        <source>Uploads paused: the API key was refused</source>
        <translation>Subidas en pausa: la clave de API fue rechazada</translation>
    </message>
    <message>
        <source>Uploads paused: the OpenAI account is out of credit</source>
        <translation>Subidas en pausa: la cuenta de OpenAI no tiene saldo</translation>
    </message>
    <message>
        <source>Uploads paused by you</source>
        <translation>Subidas pausadas por ti</translation>
    </message>
    <message>
        <source>OpenAI reports an outage; uploads are on hold</source>
        <translation>OpenAI informa de una caída; las subidas están en espera</translation>
    </message>
    <message>
        <source>The upload service is failing; retrying later</source>
        <translation>El servicio de subida falla; se reintentará más tarde</translation>
    </message>
    <message>
        <source>Rate limited by OpenAI; waiting to retry</source>
        <translation>Limitado por OpenAI; esperando para reintentar</translation>
    </message>
    <message>
        <source>1 document could not be uploaded</source>
        <translation>1 documento no se pudo subir</translation>
    </message>
    <message>
        <source>{count} documents could not be uploaded</source>
        <translation>{count} documentos no se pudieron subir</translation>
    </message>
    <message>
        <source>1 uploaded document expired on OpenAI</source>
        <translation>1 documento subido caducó en OpenAI</translation>
    </message>
    <message>
        <source>{count} uploaded documents expired on OpenAI</source>
        <translation>{count} documentos subidos caducaron en OpenAI</translation>
    </message>
    <message>
        <source>{count} documents need attention ({failed} could not be uploaded, {expired} expired on OpenAI)</source>
        <translation>{count} documentos requieren atención ({failed} no se pudieron subir, {expired} caducaron en OpenAI)</translation>
    </message>
    <message>
        <source>Uploading 1 document ({percent}%)</source>
        <translation>Subiendo 1 documento ({percent} %)</translation>
    </message>
    <message>
        <source>Uploading {count} documents ({percent}%)</source>
        <translation>Subiendo {count} documentos ({percent} %)</translation>
    </message>
    <message>
        <source>1 document waiting to retry</source>
        <translation>1 documento a la espera de reintentar</translation>
    </message>
    <message>
        <source>{count} documents waiting to retry</source>
        <translation>{count} documentos a la espera de reintentar</translation>
    </message>
    <message>
        <source>All documents are backed up</source>
        <translation>Todos los documentos tienen copia de seguridad</translation>
    </message>
    <message>
        <source>Next retry: when OpenAI recovers</source>
        <translation>Próximo intento: cuando OpenAI se recupere</translation>
    </message>
    <message>
        <source>Next retry: {when}</source>
        <translation>Próximo intento: {when}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>{clock} (in {seconds} s)</source>
        <translation>{clock} (en {seconds} s)</translation>
    </message>
    <message>
        <source>{clock} (in {minutes} min)</source>
        <translation>{clock} (en {minutes} min)</translation>
    </message>
</context>
<context>
    <name>WatchedFoldersEditor</name>
    <message>
        <source>Watched folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <extracomment>Asks the user for a folder; replaceable so tests need not drive a native dialog.</extracomment>
        <translation>Vigilar una carpeta</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>Incluir subcarpetas</translation>
    </message>
    <message>
        <source>Upload new files</source>
        <translation>Subir los archivos nuevos</translation>
    </message>
    <message>
        <source>Upload to</source>
        <translation>Subir a</translation>
    </message>
    <message>
        <source>Watched folders list</source>
        <translation>Lista de carpetas vigiladas</translation>
    </message>
    <message>
        <source>Folders whose new files are backed up and uploaded, and where they go</source>
        <translation>Carpetas cuyos archivos nuevos se respaldan y se suben, y adónde van</translation>
    </message>
    <message>
        <source>A&amp;dd folder…</source>
        <translation>Añadir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Add watched folder</source>
        <translation>Añadir carpeta vigilada</translation>
    </message>
    <message>
        <source>Watch another folder (Ctrl+N)</source>
        <translation>Vigilar otra carpeta (Ctrl+N)</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove watched folder</source>
        <translation>Quitar la carpeta vigilada</translation>
    </message>
    <message>
        <source>Stop watching the selected folder (Del)</source>
        <translation>Dejar de vigilar la carpeta seleccionada (Supr)</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>The key was not saved: {error}.</source>
        <extracomment>One sentence about what could not be done (the rest was), or None.</extracomment>
        <translation>La clave no se guardó: {error}.</translation>
    </message>
    <message>
        <source>Start at login could not be changed: {error}</source>
        <translation>No se pudo cambiar el inicio al iniciar sesión: {error}</translation>
    </message>
    <message>
        <source>Welcome to AttachGuard</source>
        <extracomment>The login-item writer for this platform; replaceable (tests use a temp folder).</extracomment>
        <translation>Bienvenido a AttachGuard</translation>
    </message>
    <message>
        <source>AttachGuard keeps a safe copy of every document you attach, before anything else happens.&lt;br&gt;It uploads them to OpenAI for you, retries when the service has trouble, and tells you plainly what failed.&lt;br&gt;When an upload cannot work, it puts the document&apos;s text on the clipboard, ready to paste into ChatGPT.</source>
        <translation>AttachGuard guarda una copia segura de cada documento que adjuntas, antes que nada.&lt;br&gt;Los sube a OpenAI por ti, reintenta cuando el servicio tiene problemas y te dice claramente qué falló.&lt;br&gt;Cuando una subida no es posible, pone el texto del documento en el portapapeles, listo para pegar en ChatGPT.</translation>
    </message>
    <message>
        <source>What AttachGuard does</source>
        <translation>Qué hace AttachGuard</translation>
    </message>
    <message>
        <source>sk-…  (optional)</source>
        <translation>sk-…  (opcional)</translation>
    </message>
    <message>
        <source>OpenAI API key</source>
        <translation>Clave de API de OpenAI</translation>
    </message>
    <message>
        <source>Needed only for uploading; leave empty to use the text fallback only</source>
        <translation>Solo hace falta para subir; déjala vacía para usar solo el texto alternativo</translation>
    </message>
    <message>
        <source>OpenAI API &amp;key:</source>
        <translation>&amp;Clave de API de OpenAI:</translation>
    </message>
    <message>
        <source>Use this key only &amp;until I quit (nothing is saved)</source>
        <translation>Usar esta clave solo &amp;hasta que salga (no se guarda nada)</translation>
    </message>
    <message>
        <source>Use this key until I quit</source>
        <translation>Usar esta clave hasta que salga</translation>
    </message>
    <message>
        <source>The key is kept in memory only and forgotten when AttachGuard quits</source>
        <translation>La clave se guarda solo en memoria y se olvida al cerrar AttachGuard</translation>
    </message>
    <message>
        <source>Keyring missing</source>
        <translation>Falta el llavero</translation>
    </message>
    <message>
        <source>&amp;Watch my Downloads folder ({path})</source>
        <translation>&amp;Vigilar mi carpeta de Descargas ({path})</translation>
    </message>
    <message>
        <source>Watch Downloads</source>
        <translation>Vigilar Descargas</translation>
    </message>
    <message>
        <source>Back up every new file that lands in your Downloads folder</source>
        <translation>Hacer copia de seguridad de cada archivo nuevo que llegue a tu carpeta de Descargas</translation>
    </message>
    <message>
        <source>Watch my Downloads folder ({path} does not exist)</source>
        <translation>Vigilar mi carpeta de Descargas ({path} no existe)</translation>
    </message>
    <message>
        <source>{path} does not exist, so it cannot be watched. Choose folders to watch in Settings later.</source>
        <translation>{path} no existe, así que no se puede vigilar. Elija más tarde en Ajustes las carpetas que quiere vigilar.</translation>
    </message>
    <message>
        <source>&amp;Start AttachGuard when I log in</source>
        <translation>&amp;Iniciar AttachGuard al iniciar sesión</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Iniciar al iniciar sesión</translation>
    </message>
    <message>
        <source>Adds AttachGuard to your session so it runs in the tray</source>
        <translation>Añade AttachGuard a tu sesión para que se ejecute en la bandeja del sistema</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>I only use ChatGPT in the &amp;browser</source>
        <translation>Solo uso ChatGPT en el &amp;navegador</translation>
    </message>
    <message>
        <source>Skip the API key</source>
        <translation>Omitir la clave de API</translation>
    </message>
    <message>
        <source>Continue without a key: backups and the text fallback still work</source>
        <translation>Continuar sin clave: las copias de seguridad y el texto alternativo siguen funcionando</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Save these choices and start using AttachGuard</source>
        <translation>Guardar estas opciones y empezar a usar AttachGuard</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>No se guardó: {error}</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>(the primary)</source>
        <translation>(el principal)</translation>
    </message>
</context>
</TS>
