<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About AttachGuard</source>
        <translation>Über AttachGuard</translation>
    </message>
    <message>
        <source>Versions and licences</source>
        <translation>Versionen und Lizenzen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
</context>
<context>
    <name>AddSummary</name>
    <message>
        <source>not tried after the disk filled</source>
        <extracomment>Job states the user may retry at once; &quot;no job&quot; and cancelled ones are queued afresh. Uploaded once, then the server let the file go: &quot;Upload again&quot; sends the backup once more. States whose job must be cancelled before the document is removed.</extracomment>
        <translation>nicht versucht, nachdem die Festplatte voll war</translation>
    </message>
    <message>
        <source>Backed up 1 document</source>
        <translation>1 Dokument gesichert</translation>
    </message>
    <message>
        <source>Backed up {count} documents</source>
        <translation>{count} Dokumente gesichert</translation>
    </message>
    <message>
        <source>, queued {queued} for upload</source>
        <translation>, {queued} zum Hochladen eingereiht</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>Nichts wurde hinzugefügt.</translation>
    </message>
    <message>
        <source>Skipped {count}: {shown} (and {more} more).</source>
        <translation>{count} übersprungen: {shown} (und {more} weitere).</translation>
    </message>
    <message>
        <source>Skipped {count}: {shown}.</source>
        <translation>{count} übersprungen: {shown}.</translation>
    </message>
</context>
<context>
    <name>BatchJobsView</name>
    <message>
        <source>Batch jobs</source>
        <extracomment>Ages are shown in minutes: repaint them once a minute. After every list read (carries the list of ``BatchView``).
----------
The Resubmit… confirmation while it is open (tests answer it like a user would).</extracomment>
        <translation>Batch-Aufträge</translation>
    </message>
    <message>
        <source>Batch jobs table</source>
        <translation>Tabelle der Batch-Aufträge</translation>
    </message>
    <message>
        <source>Your Batch jobs and their state; the buttons act on the selected job</source>
        <translation>Ihre Batch-Aufträge und ihr Zustand; die Schaltflächen wirken auf den ausgewählten Auftrag</translation>
    </message>
    <message>
        <source>No Batch jobs seen yet. Check now lists them (needs an API key).</source>
        <translation>Noch keine Batch-Aufträge gesehen. „Jetzt prüfen“ listet sie auf (braucht einen API-Schlüssel).</translation>
    </message>
    <message>
        <source>No Batch jobs</source>
        <translation>Keine Batch-Aufträge</translation>
    </message>
    <message>
        <source>&amp;Resubmit…</source>
        <translation>Erneut &amp;einreichen…</translation>
    </message>
    <message>
        <source>Create a new batch from the backed-up input</source>
        <translation>Einen neuen Batch aus der gesicherten Eingabe erstellen</translation>
    </message>
    <message>
        <source>&amp;Back up input</source>
        <translation>Eingabe &amp;sichern</translation>
    </message>
    <message>
        <source>Download this batch&apos;s input file into the vault</source>
        <translation>Die Eingabedatei dieses Batches in den Tresor herunterladen</translation>
    </message>
    <message>
        <source>Copy batch &amp;id</source>
        <translation>Batch-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy the batch id to the clipboard</source>
        <translation>Die Batch-ID in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>No Batch jobs on this account.</source>
        <translation>Keine Batch-Aufträge in diesem Konto.</translation>
    </message>
    <message>
        <source>Cannot read the Batch jobs: {error}</source>
        <translation>Die Batch-Aufträge können nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Batch actions</source>
        <translation>Batch-Aktionen</translation>
    </message>
    <message>
        <source>Copied batch id {batch}.</source>
        <translation>Batch-ID {batch} kopiert.</translation>
    </message>
    <message>
        <source>Backing up the input of {batch}…</source>
        <translation>Die Eingabe von {batch} wird gesichert…</translation>
    </message>
    <message>
        <source>The input of {batch} is backed up.</source>
        <translation>Die Eingabe von {batch} ist gesichert.</translation>
    </message>
    <message>
        <source>Back up of {batch} failed: {error}</source>
        <translation>Sicherung von {batch} fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Resubmit batch</source>
        <translation>Batch erneut einreichen</translation>
    </message>
    <message>
        <source>Resubmit batch {batch}?</source>
        <translation>Batch {batch} erneut einreichen?</translation>
    </message>
    <message>
        <source>its input file backed up in the vault</source>
        <translation>seiner im Tresor gesicherten Eingabedatei</translation>
    </message>
    <message>
        <source>its input file (downloaded into the vault first, if the server still has it)</source>
        <translation>seiner Eingabedatei (zuerst in den Tresor heruntergeladen, falls der Server sie noch hat)</translation>
    </message>
    <message>
        <source>A new batch will be created from {source}, with the same endpoint ({endpoint}), completion window ({window}) and metadata. The old batch is not cancelled: it stays {status}, and if it still finishes, both may be billed.</source>
        <translation>Ein neuer Batch wird aus {source} erstellt, mit demselben Endpunkt ({endpoint}), Abschlussfenster ({window}) und denselben Metadaten. Der alte Batch wird nicht abgebrochen: Er bleibt {status}, und wenn er doch noch fertig wird, können beide berechnet werden.</translation>
    </message>
    <message>
        <source>&amp;Resubmit</source>
        <translation>Erneut &amp;einreichen</translation>
    </message>
    <message>
        <source>{batch} was not resubmitted.</source>
        <translation>{batch} wurde nicht erneut eingereicht.</translation>
    </message>
    <message>
        <source>Resubmitting {batch}…</source>
        <translation>{batch} wird erneut eingereicht…</translation>
    </message>
    <message>
        <source>Resubmitted {batch} as {new} (the old batch was not cancelled).</source>
        <translation>{batch} als {new} erneut eingereicht (der alte Batch wurde nicht abgebrochen).</translation>
    </message>
    <message>
        <source>Resubmit of {batch} failed: {error}</source>
        <translation>Erneutes Einreichen von {batch} fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>CopyAgainMenu</name>
    <message>
        <source>{tokens} tokens</source>
        <extracomment>How many of the (up to 20) noted copies the menu lists.</extracomment>
        <translation>{tokens} Tokens</translation>
    </message>
    <message>
        <source>pages {pages}</source>
        <translation>Seiten {pages}</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>Blatt {sheet}</translation>
    </message>
    <message>
        <source>{name} — part {part} of {parts}</source>
        <translation>{name} — Teil {part} von {parts}</translation>
    </message>
    <message>
        <source>Copy a&amp;gain</source>
        <extracomment>The outcome of a copy again (a ``CopyResult``). The list was read again (the records shown, newest first).</extracomment>
        <translation>Erneut ko&amp;pieren</translation>
    </message>
    <message>
        <source>Copy a recent copy again</source>
        <translation>Eine frühere Kopie erneut kopieren</translation>
    </message>
    <message>
        <source>Put a text you copied before on the clipboard again</source>
        <translation>Einen früher kopierten Text erneut in die Zwischenablage legen</translation>
    </message>
    <message>
        <source>Nothing copied yet</source>
        <translation>Noch nichts kopiert</translation>
    </message>
    <message>
        <source>Texts you copy for ChatGPT are listed here, to copy again</source>
        <translation>Texte, die Sie für ChatGPT kopieren, stehen hier, um sie erneut zu kopieren</translation>
    </message>
    <message>
        <source>Put {what} on the clipboard again</source>
        <translation>{what} erneut in die Zwischenablage legen</translation>
    </message>
</context>
<context>
    <name>CopyButtonDelegate</name>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Copy this document&apos;s text, to paste into ChatGPT instead of the file</source>
        <extracomment>Still to be uploaded: stuck when held by OpenAI&apos;s trouble, or waiting after an error. The clicked row&apos;s ``DocumentRow``.</extracomment>
        <translation>Den Text dieses Dokuments kopieren, um ihn statt der Datei in ChatGPT einzufügen</translation>
    </message>
</context>
<context>
    <name>Copying</name>
    <message>
        <source>there is no text to copy for that document</source>
        <extracomment>A later copy was asked for before this one finished: nothing was copied for this one. Request numbers (GUI thread only): the clipboard takes the result of the latest request.</extracomment>
        <translation>für dieses Dokument gibt es keinen Text zum Kopieren</translation>
    </message>
    <message>
        <source>it is no longer backed up here</source>
        <translation>es ist hier nicht mehr gesichert</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} Dokumente</translation>
    </message>
    <message>
        <source>Copied part {part} of {parts} of the text of {what}. Paste it into ChatGPT instead of the file.</source>
        <translation>Teil {part} von {parts} des Textes von {what} kopiert. Fügen Sie ihn statt der Datei in ChatGPT ein.</translation>
    </message>
    <message>
        <source>Copied the text of {what}. Paste it into ChatGPT instead of the file.</source>
        <translation>Text von {what} kopiert. Fügen Sie ihn statt der Datei in ChatGPT ein.</translation>
    </message>
    <message>
        <source>something went wrong while extracting the text (details are in the log)</source>
        <translation>beim Auslesen des Textes ist etwas schiefgegangen (Einzelheiten im Protokoll)</translation>
    </message>
    <message>
        <source>Could not copy {what} again: {reason}; the clipboard was left unchanged.</source>
        <translation>{what} konnte nicht erneut kopiert werden: {reason}; die Zwischenablage blieb unverändert.</translation>
    </message>
    <message>
        <source>Could not copy the text: {reason} The clipboard was left unchanged.</source>
        <translation>Der Text konnte nicht kopiert werden: {reason} Die Zwischenablage blieb unverändert.</translation>
    </message>
    <message>
        <source>Not copied: a later copy replaced this one.</source>
        <translation>Nicht kopiert: Eine spätere Kopie hat diese ersetzt.</translation>
    </message>
    <message>
        <source>There is no document to copy text from yet: add one.</source>
        <translation>Es gibt noch kein Dokument, dessen Text kopiert werden könnte: Fügen Sie eines hinzu.</translation>
    </message>
    <message>
        <source>Choose a document first.</source>
        <translation>Wählen Sie zuerst ein Dokument.</translation>
    </message>
    <message>
        <source>There is no text to copy.</source>
        <translation>Es gibt keinen Text zum Kopieren.</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Queued</source>
        <extracomment>How long the selection must rest before the preview follows it (arrow keys through rows).</extracomment>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Lädt hoch</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Wartet auf neuen Versuch</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Expired on the server</source>
        <translation>Auf dem Server abgelaufen</translation>
    </message>
    <message>
        <source>(next try {when})</source>
        <extracomment>Job states in which an upload refused as expired is tried again.</extracomment>
        <translation>(nächster Versuch {when})</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Letzter Fehler: {error}</translation>
    </message>
    <message>
        <source>Restore to folder</source>
        <extracomment>One sentence for the status bar (restore done, cannot open, ...). The details read on the pool are shown (history, vault path, buttons).</extracomment>
        <translation>In Ordner wiederherstellen</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Dokumentdetails</translation>
    </message>
    <message>
        <source>Document name</source>
        <translation>Dokumentname</translation>
    </message>
    <message>
        <source>Status and reason</source>
        <translation>Status und Grund</translation>
    </message>
    <message>
        <source>Remote file id and expiry</source>
        <translation>ID und Ablauf der entfernten Datei</translation>
    </message>
    <message>
        <source>Backup copy</source>
        <translation>Sicherungskopie</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Remote file:</source>
        <translation>Entfernte Datei:</translation>
    </message>
    <message>
        <source>Backup copy:</source>
        <translation>Sicherungskopie:</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Hinzugefügt:</translation>
    </message>
    <message>
        <source>Upload attempts</source>
        <translation>Upload-Versuche</translation>
    </message>
    <message>
        <source>Each try to upload this document: when, to which target, and what went wrong</source>
        <translation>Jeder Versuch, dieses Dokument hochzuladen: wann, zu welchem Ziel und was schiefging</translation>
    </message>
    <message>
        <source>First try</source>
        <translation>Erster Versuch</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Open original</source>
        <translation>&amp;Original öffnen</translation>
    </message>
    <message>
        <source>Open a read-only copy of the backup in its usual app</source>
        <translation>Eine schreibgeschützte Kopie der Sicherung in der üblichen Anwendung öffnen</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Im &amp;Ordner anzeigen</translation>
    </message>
    <message>
        <source>Show the folder holding the backup copy</source>
        <translation>Den Ordner mit der Sicherungskopie anzeigen</translation>
    </message>
    <message>
        <source>Restore &amp;to…</source>
        <translation>&amp;Wiederherstellen nach…</translation>
    </message>
    <message>
        <source>Copy the backup out to a folder you choose</source>
        <translation>Die Sicherung in einen Ordner Ihrer Wahl kopieren</translation>
    </message>
    <message>
        <source>Preview te&amp;xt</source>
        <translation>Te&amp;xt-Vorschau</translation>
    </message>
    <message>
        <source>Show the text as it would be pasted into ChatGPT, for this and the next documents you select</source>
        <translation>Den Text so zeigen, wie er in ChatGPT eingefügt würde, für dieses und die nächsten gewählten Dokumente</translation>
    </message>
    <message>
        <source>Uploads:</source>
        <translation>Uploads:</translation>
    </message>
    <message>
        <source>Everything about the selected document; the arrow keys scroll</source>
        <translation>Alles über das ausgewählte Dokument; die Pfeiltasten scrollen</translation>
    </message>
    <message>
        <source>Select a document to see its details.</source>
        <translation>Wählen Sie ein Dokument, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>{count} documents selected: select one to see its details.</source>
        <translation>{count} Dokumente gewählt: wählen Sie eines, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>expires {when}</source>
        <translation>läuft ab {when}</translation>
    </message>
    <message>
        <source>kept until deleted</source>
        <translation>bleibt bis zum Löschen</translation>
    </message>
    <message>
        <source>expired on the server, will be uploaded again</source>
        <translation>auf dem Server abgelaufen, wird erneut hochgeladen</translation>
    </message>
    <message>
        <source>not uploaded</source>
        <translation>nicht hochgeladen</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count}-mal</translation>
    </message>
    <message>
        <source>Cannot read the details: {error}</source>
        <translation>Details können nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>The backup copy is missing: run “attachguard verify”.</source>
        <translation>Die Sicherungskopie fehlt: führen Sie „attachguard verify“ aus.</translation>
    </message>
    <message>
        <source>from {path}</source>
        <translation>aus {path}</translation>
    </message>
    <message>
        <source>No app could open “{name}” ({path}).</source>
        <translation>Keine Anwendung konnte „{name}“ öffnen ({path}).</translation>
    </message>
    <message>
        <source>Opened a read-only copy of “{name}”.</source>
        <translation>Schreibgeschützte Kopie von „{name}“ geöffnet.</translation>
    </message>
    <message>
        <source>Opening the original</source>
        <translation>Öffnen des Originals</translation>
    </message>
    <message>
        <source>Could not open {path}.</source>
        <translation>{path} konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Restored {path}.</source>
        <translation>{path} wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>{count} documents</source>
        <translation>{count} Dokumente</translation>
    </message>
    <message>
        <source>Restore to folder</source>
        <extracomment>Every &quot;Copy text instead&quot; outcome (a ``CopyResult``), e.g. for a tray notification.</extracomment>
        <translation>In Ordner wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>Jetzt &amp;wiederholen</translation>
    </message>
    <message>
        <source>Upload again now</source>
        <translation>Jetzt erneut hochladen</translation>
    </message>
    <message>
        <source>&amp;Upload again</source>
        <translation>Erneut &amp;hochladen</translation>
    </message>
    <message>
        <source>Upload the backup again: the file expired on OpenAI&apos;s side</source>
        <translation>Die Sicherung erneut hochladen: die Datei ist bei OpenAI abgelaufen</translation>
    </message>
    <message>
        <source>Copy &amp;text instead</source>
        <translation>Stattdessen &amp;Text kopieren</translation>
    </message>
    <message>
        <source>Put the document&apos;s text on the clipboard, to paste instead of the file</source>
        <translation>Den Text des Dokuments in die Zwischenablage legen, um ihn statt der Datei einzufügen</translation>
    </message>
    <message>
        <source>Copy file &amp;id</source>
        <translation>Datei-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy the remote file id</source>
        <translation>Die ID der entfernten Datei kopieren</translation>
    </message>
    <message>
        <source>Open &amp;backup folder</source>
        <translation>&amp;Sicherungsordner öffnen</translation>
    </message>
    <message>
        <source>Show the folder holding the backup copy</source>
        <translation>Den Ordner mit der Sicherungskopie anzeigen</translation>
    </message>
    <message>
        <source>Re&amp;store to…</source>
        <translation>&amp;Wiederherstellen nach…</translation>
    </message>
    <message>
        <source>Copy the backup out to a folder</source>
        <translation>Die Sicherung in einen Ordner kopieren</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Forget the backup</source>
        <translation>Die Sicherung vergessen</translation>
    </message>
    <message>
        <source>Nothing to retry: the selected uploads are done or in progress.</source>
        <translation>Nichts zu wiederholen: die gewählten Uploads sind fertig oder laufen.</translation>
    </message>
    <message>
        <source>Retrying 1 upload now.</source>
        <translation>1 Upload wird jetzt wiederholt.</translation>
    </message>
    <message>
        <source>Retrying {count} uploads now.</source>
        <translation>{count} Uploads werden jetzt wiederholt.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Nichts zu wiederholen.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Nothing to upload again: none of the selected uploads expired.</source>
        <translation>Nichts erneut hochzuladen: keiner der gewählten Uploads ist abgelaufen.</translation>
    </message>
    <message>
        <source>Uploading 1 document again.</source>
        <translation>1 Dokument wird erneut hochgeladen.</translation>
    </message>
    <message>
        <source>Uploading {count} documents again.</source>
        <translation>{count} Dokumente werden erneut hochgeladen.</translation>
    </message>
    <message>
        <source>Nothing to upload.</source>
        <translation>Nichts hochzuladen.</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Extracting the text of {what}…</source>
        <translation>Text von {what} wird extrahiert…</translation>
    </message>
    <message>
        <source>Press {keys} again for part {part}.</source>
        <translation>Drücken Sie erneut {keys} für Teil {part}.</translation>
    </message>
    <message>
        <source>The selected documents have no remote file id yet.</source>
        <translation>Die gewählten Dokumente haben noch keine ID einer entfernten Datei.</translation>
    </message>
    <message>
        <source>Copied {file_id}.</source>
        <translation>{file_id} kopiert.</translation>
    </message>
    <message>
        <source>Copied {count} file ids.</source>
        <translation>{count} Datei-IDs kopiert.</translation>
    </message>
    <message>
        <source>Could not open {path}.</source>
        <translation>{path} konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Open backup folder</source>
        <translation>Sicherungsordner öffnen</translation>
    </message>
    <message>
        <source>Restored {path}.</source>
        <translation>{path} wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored {count} documents to {folder}.</source>
        <translation>{count} Dokumente nach {folder} wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Remove {what} from AttachGuard? The backup copy is deleted; the original file and any uploaded copy are left alone.</source>
        <translation>{what} aus AttachGuard entfernen? Die Sicherungskopie wird gelöscht; die Originaldatei und hochgeladene Kopien bleiben unberührt.</translation>
    </message>
    <message>
        <source>Removed {what}.</source>
        <translation>{what} entfernt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Remove documents</source>
        <translation>Dokumente entfernen</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Remote file</source>
        <translation>Entfernte Datei</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <extracomment>What each fixed column must show unclipped: widths follow the font, and Name (stretched) gets the rest. Fixed pixel widths left Name ~60 px wide (&quot;quarte…&quot;) in a 900 px window. Columns whose tooltip lists the document&apos;s state and file id per target.</extracomment>
        <translation>Fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>when OpenAI recovers</source>
        <extracomment>The whole :class:`DocumentRow` of an index (any column). Upload progress 0..1 for the status column while uploading, else None. True while OpenAI&apos;s trouble holds the queue (breaker open, outage): waiting rows wait for it. Said instead of a retry time while the queue is held (as the status bar says it).</extracomment>
        <translation>sobald OpenAI wieder erreichbar ist</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Not uploaded</source>
        <translation>Nicht hochgeladen</translation>
    </message>
    <message>
        <source>the remote file expired</source>
        <translation>die entfernte Datei ist abgelaufen</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>network problem</source>
        <translation>Netzwerkproblem</translation>
    </message>
    <message>
        <source>API key rejected</source>
        <translation>API-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>file too large</source>
        <translation>Datei zu groß</translation>
    </message>
    <message>
        <source>rejected by the service</source>
        <translation>vom Dienst abgelehnt</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>Uploading {percent}</source>
        <translation>Hochladen {percent}</translation>
    </message>
    <message>
        <source>Retrying {when}</source>
        <translation>Neuer Versuch {when}</translation>
    </message>
    <message>
        <source>Uploaded (remote copy expired)</source>
        <translation>Hochgeladen (entfernte Kopie abgelaufen)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>(added {count}×)</source>
        <translation>({count}× hinzugefügt)</translation>
    </message>
    <message>
        <source>next {when}</source>
        <translation>nächster {when}</translation>
    </message>
    <message>
        <source>The uploaded file is no longer on OpenAI{why}. It is still backed up here: use “Upload again” or “Copy text instead”.</source>
        <translation>Die hochgeladene Datei ist nicht mehr bei OpenAI{why}. Sie ist hier weiterhin gesichert: nutzen Sie „Erneut hochladen“ oder „Stattdessen Text kopieren“.</translation>
    </message>
    <message>
        <source>Use “Copy text instead” to paste its text.</source>
        <translation>Nutzen Sie „Stattdessen Text kopieren“, um seinen Text einzufügen.</translation>
    </message>
    <message>
        <source>Added {count} times (the latest name is shown)</source>
        <translation>{count}-mal hinzugefügt (der neueste Name wird angezeigt)</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop zone</source>
        <extracomment>Emitted with a :class:`DroppedPaths` for every accepted drop.</extracomment>
        <translation>Ablagebereich</translation>
    </message>
    <message>
        <source>Drop files or folders here to back them up and upload them. Folders are added with everything inside them.</source>
        <translation>Dateien oder Ordner hier ablegen, um sie zu sichern und hochzuladen. Ordner werden mit ihrem gesamten Inhalt hinzugefügt.</translation>
    </message>
    <message>
        <source>Drop files or folders here</source>
        <translation>Dateien oder Ordner hier ablegen</translation>
    </message>
    <message>
        <source>They are backed up first, then uploaded. You can also paste (Ctrl+V).</source>
        <translation>Sie werden zuerst gesichert, dann hochgeladen. Sie können auch einfügen (Strg+V).</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Choose files to back up and upload (Ctrl+O)</source>
        <translation>Dateien zum Sichern und Hochladen wählen (Strg+O)</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Choose a folder; everything inside it is added (Ctrl+Shift+O)</source>
        <translation>Einen Ordner wählen; sein gesamter Inhalt wird hinzugefügt (Strg+Umschalt+O)</translation>
    </message>
</context>
<context>
    <name>FailoverPresenter</name>
    <message>
        <source> and </source>
        <extracomment>The key of the offer notice&apos;s button (``NoticeDisplay.on_action``). Documents named one by one in the after-notice, at most (more: a count).</extracomment>
        <translation> und </translation>
    </message>
    <message>
        <source>document is</source>
        <translation>Dokument wartet</translation>
    </message>
    <message>
        <source>documents are</source>
        <translation>Dokumente warten</translation>
    </message>
    <message>
        <source>{primary} has not taken uploads for more than {minutes:g} minutes and {count} {noun} waiting for it. Upload them to {secondary} instead? They stay queued for {primary} too; choose “Upload to {secondary} instead” here or in the tray menu.</source>
        <translation>{primary} nimmt seit mehr als {minutes:g} Minuten keine Uploads an, und {count} {noun} darauf. Stattdessen zu {secondary} hochladen? Sie bleiben auch für {primary} eingereiht; wählen Sie „Stattdessen zu {secondary} hochladen“ hier oder im Menü des Infobereichs.</translation>
    </message>
    <message>
        <source>Upload to {secondary} instead</source>
        <translation>Stattdessen zu {secondary} hochladen</translation>
    </message>
    <message>
        <source>{primary} uploads are held</source>
        <translation>Uploads zu {primary} werden zurückgehalten</translation>
    </message>
    <message>
        <source>None of the {count} documents could be uploaded to {secondary} either.</source>
        <translation>Keines der {count} Dokumente konnte zu {secondary} hochgeladen werden.</translation>
    </message>
    <message>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <source>are</source>
        <translation>sind</translation>
    </message>
    <message>
        <source>it stays</source>
        <translation>es bleibt</translation>
    </message>
    <message>
        <source>they stay</source>
        <translation>sie bleiben</translation>
    </message>
    <message>
        <source>{named} {verb} now on {secondary}; {stay} there when {primary} recovers.</source>
        <translation>{named} {verb} jetzt bei {secondary}; {stay} dort, wenn {primary} wieder läuft.</translation>
    </message>
    <message>
        <source>{count} documents are now on {secondary} (their file ids are in the window&apos;s details); they stay there when {primary} recovers.</source>
        <translation>{count} Dokumente sind jetzt bei {secondary} (ihre Datei-IDs stehen in den Details des Fensters); sie bleiben dort, wenn {primary} wieder läuft.</translation>
    </message>
    <message>
        <source>{missed} could not be uploaded there either.</source>
        <translation>{missed} konnten auch dort nicht hochgeladen werden.</translation>
    </message>
    <message>
        <source>Everything is still backed up here.</source>
        <translation>Alles ist hier weiterhin gesichert.</translation>
    </message>
    <message>
        <source>Uploaded to {secondary} instead</source>
        <translation>Stattdessen zu {secondary} hochgeladen</translation>
    </message>
    <message>
        <source>Upload the documents held for {primary} to {secondary} now; they stay there when {primary} recovers</source>
        <extracomment>The standing offer each time it changes (None: withdrawn or taken). Every notice this presenter showed (the offer, then each after-notice).</extracomment>
        <translation>Die für {primary} zurückgehaltenen Dokumente jetzt zu {secondary} hochladen; sie bleiben dort, wenn {primary} wieder geht</translation>
    </message>
    <message>
        <source>No document is waiting any more: nothing to upload.</source>
        <translation>Es wartet kein Dokument mehr: nichts hochzuladen.</translation>
    </message>
    <message>
        <source>Could not queue the documents: {error}</source>
        <translation>Die Dokumente konnten nicht eingereiht werden: {error}</translation>
    </message>
</context>
<context>
    <name>HealthModel</name>
    <message>
        <source>operational</source>
        <extracomment>The provider&apos;s name in the status bar (the status page is OpenAI&apos;s by default).</extracomment>
        <translation>betriebsbereit</translation>
    </message>
    <message>
        <source>degraded performance</source>
        <translation>eingeschränkte Leistung</translation>
    </message>
    <message>
        <source>under maintenance</source>
        <translation>in Wartung</translation>
    </message>
    <message>
        <source>partial outage</source>
        <translation>teilweiser Ausfall</translation>
    </message>
    <message>
        <source>major outage</source>
        <translation>schwerer Ausfall</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>{provider} status unknown</source>
        <translation>Status von {provider} unbekannt</translation>
    </message>
    <message>
        <source>{provider}: operational</source>
        <translation>{provider}: betriebsbereit</translation>
    </message>
    <message>
        <source>Last checked {when}</source>
        <translation>Zuletzt geprüft {when}</translation>
    </message>
    <message>
        <source>Status page not checked yet — unknown (use Check now)</source>
        <translation>Statusseite noch nicht geprüft — unbekannt („Jetzt prüfen“ nutzen)</translation>
    </message>
    <message>
        <source>Status checks are turned off in the settings — unknown</source>
        <translation>Statusprüfungen sind in den Einstellungen ausgeschaltet — unbekannt</translation>
    </message>
    <message>
        <source> (tried {when})</source>
        <translation> (versucht {when})</translation>
    </message>
    <message>
        <source>Status page unreachable — unknown: {reason}</source>
        <translation>Statusseite nicht erreichbar — unbekannt: {reason}</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stuck?</source>
        <translation>Hängt?</translation>
    </message>
    <message>
        <source>In this status</source>
        <translation>In diesem Status</translation>
    </message>
    <message>
        <source>Requests done</source>
        <translation>Anfragen erledigt</translation>
    </message>
    <message>
        <source>Input backup</source>
        <translation>Sicherung der Eingabe</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>, {count} failed</source>
        <extracomment>The whole :class:`BatchView` of an index (any column).</extracomment>
        <translation>, {count} fehlgeschlagen</translation>
    </message>
    <message>
        <source>backed up · resubmitted as {batch}</source>
        <translation>gesichert · erneut eingereicht als {batch}</translation>
    </message>
    <message>
        <source>backed up</source>
        <translation>gesichert</translation>
    </message>
    <message>
        <source>not backed up: {error}</source>
        <translation>nicht gesichert: {error}</translation>
    </message>
    <message>
        <source>not backed up</source>
        <translation>nicht gesichert</translation>
    </message>
    <message>
        <source>Stuck: {reason}. Resubmit… creates a new batch from the backup.</source>
        <translation>Hängt: {reason}. „Erneut einreichen…“ erstellt einen neuen Batch aus der Sicherung.</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>held: its status page reports an outage</source>
        <translation>zurückgehalten: seine Statusseite meldet einen Ausfall</translation>
    </message>
    <message>
        <source>held: no API key</source>
        <translation>zurückgehalten: kein API-Schlüssel</translation>
    </message>
    <message>
        <source>held: the API key was refused</source>
        <translation>zurückgehalten: der API-Schlüssel wurde abgelehnt</translation>
    </message>
    <message>
        <source>no API key: uploads to it wait</source>
        <translation>kein API-Schlüssel: Uploads dorthin warten</translation>
    </message>
    <message>
        <source>held ({reason})</source>
        <translation>zurückgehalten ({reason})</translation>
    </message>
    <message>
        <source>held: repeated failures (breaker open, next try {when})</source>
        <translation>zurückgehalten: wiederholte Fehler (Sperre aktiv, nächster Versuch {when})</translation>
    </message>
    <message>
        <source>held: repeated failures (breaker open)</source>
        <translation>zurückgehalten: wiederholte Fehler (Sperre aktiv)</translation>
    </message>
    <message>
        <source>rate limited until {when}</source>
        <translation>gedrosselt bis {when}</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sendet</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>; {count} unfinished</source>
        <translation>; {count} unerledigt</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Service health</source>
        <extracomment>After a snapshot was painted (carries it; None when the service has no monitor). How incident links are opened (a seam so tests never start a browser). Brings this panel to the front (:func:`install` makes it switch tabs).</extracomment>
        <translation>Dienstzustand</translation>
    </message>
    <message>
        <source>Provider status</source>
        <translation>Status des Anbieters</translation>
    </message>
    <message>
        <source>The provider&apos;s status page, as last checked (Ctrl+2)</source>
        <translation>Die Statusseite des Anbieters beim letzten Abruf (Strg+2)</translation>
    </message>
    <message>
        <source>Status page last checked</source>
        <translation>Statusseite zuletzt geprüft</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Offene Störungen</translation>
    </message>
    <message>
        <source>The provider&apos;s unresolved incidents, newest first, with their latest update</source>
        <translation>Die offenen Störungen des Anbieters, neueste zuerst, mit ihrer letzten Meldung</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>Offene Störung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>Open incident &amp;page</source>
        <translation>Störungs&amp;seite öffnen</translation>
    </message>
    <message>
        <source>Open the selected incident in the browser</source>
        <translation>Die ausgewählte Störung im Browser öffnen</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>Check the status page and your Batch jobs now (Alt+C)</source>
        <translation>Statusseite und Ihre Batch-Aufträge jetzt prüfen (Alt+P)</translation>
    </message>
    <message>
        <source>Status checks are not available</source>
        <translation>Statusprüfungen sind nicht verfügbar</translation>
    </message>
    <message>
        <source>{component} status</source>
        <translation>Status von {component}</translation>
    </message>
    <message>
        <source>The status page gives no link</source>
        <translation>Die Statusseite nennt keinen Link</translation>
    </message>
    <message>
        <source>The status page gives no link for this incident.</source>
        <translation>Die Statusseite nennt keinen Link zu dieser Störung.</translation>
    </message>
    <message>
        <source>Status checked; Batch jobs not: {error}</source>
        <translation>Status geprüft; Batch-Aufträge nicht: {error}</translation>
    </message>
    <message>
        <source> ({count} problem(s), see the log)</source>
        <translation> ({count} Problem(e), siehe Protokoll)</translation>
    </message>
    <message>
        <source>Checked: {count} Batch job(s), {stuck} stuck{problems}.</source>
        <translation>Geprüft: {count} Batch-Auftrag/-Aufträge, {stuck} hängen{problems}.</translation>
    </message>
    <message>
        <source>Check failed: {error}</source>
        <translation>Prüfung fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Checking the status page and your Batch jobs…</source>
        <translation>Statusseite und Ihre Batch-Aufträge werden geprüft…</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Service health</source>
        <translation>Dienstzustand</translation>
    </message>
    <message>
        <source>Your documents and their uploads (Ctrl+1)</source>
        <translation>Ihre Dokumente und deren Uploads (Strg+1)</translation>
    </message>
    <message>
        <source>Provider status and Batch jobs (Ctrl+2)</source>
        <translation>Status des Anbieters und Batch-Aufträge (Strg+2)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <source>Show your documents</source>
        <translation>Ihre Dokumente anzeigen</translation>
    </message>
    <message>
        <source>Service &amp;health</source>
        <translation>Dienst&amp;zustand</translation>
    </message>
    <message>
        <source>Show the service health</source>
        <translation>Den Dienstzustand anzeigen</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Keeps a copy of every document you attach and uploads it safely.</source>
        <translation>Bewahrt eine Kopie jedes angehängten Dokuments auf und lädt es sicher hoch.</translation>
    </message>
    <message>
        <source>Bundled libraries and models</source>
        <translation>Mitgelieferte Bibliotheken und Modelle</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <extracomment>Opens a folder in the file manager; replaceable (tests record the URL).</extracomment>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>&amp;Willkommen…</translation>
    </message>
    <message>
        <source>What AttachGuard does; API key</source>
        <translation>Was AttachGuard tut; API-Schlüssel</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Show the log files</source>
        <translation>Die Protokolldateien anzeigen</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>&amp;Diagnose kopieren</translation>
    </message>
    <message>
        <source>Versions, settings and recent log lines, redacted</source>
        <translation>Versionen, Einstellungen und neueste Protokollzeilen, bereinigt</translation>
    </message>
    <message>
        <source>&amp;About AttachGuard</source>
        <translation>Ü&amp;ber AttachGuard</translation>
    </message>
    <message>
        <source>Versions and licences</source>
        <translation>Versionen und Lizenzen</translation>
    </message>
    <message>
        <source>Could not open {folder}.</source>
        <translation>{folder} konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Diagnostics copied (no API key in them); paste them in a bug report.</source>
        <translation>Diagnose kopiert (ohne API-Schlüssel); fügen Sie sie in einen Fehlerbericht ein.</translation>
    </message>
    <message>
        <source>Diagnostics not copied: {e}</source>
        <translation>Diagnose nicht kopiert: {e}</translation>
    </message>
</context>
<context>
    <name>KeyringHelp</name>
    <message>
        <source>On KDE Plasma, install and enable KWallet (the kwalletmanager and kwallet packages, then System Settings → KDE Wallet), log out and back in, then restart AttachGuard.</source>
        <translation>Installieren und aktivieren Sie unter KDE Plasma KWallet (die Pakete kwalletmanager und kwallet, dann Systemeinstellungen → KDE-Passwortspeicher), melden Sie sich ab und wieder an und starten Sie AttachGuard neu.</translation>
    </message>
    <message>
        <source>On this desktop, install gnome-keyring (the gnome-keyring package), log out and back in so it unlocks with your login, then restart AttachGuard.</source>
        <translation>Installieren Sie auf diesem Desktop gnome-keyring (das Paket gnome-keyring), melden Sie sich ab und wieder an, damit er mit Ihrer Anmeldung entsperrt wird, und starten Sie AttachGuard neu.</translation>
    </message>
    <message>
        <source>Install gnome-keyring or KWallet, or turn on KeePassXC&apos;s Secret Service integration (KeePassXC → Settings → Secret Service Integration), then restart AttachGuard.</source>
        <translation>Installieren Sie gnome-keyring oder KWallet oder schalten Sie in KeePassXC die Secret-Service-Integration ein (KeePassXC → Einstellungen → Secret-Service-Integration) und starten Sie AttachGuard dann neu.</translation>
    </message>
    <message>
        <source>The keyring in use ({name}) is not secure: no Secret Service is running, so AttachGuard will not save your API key in it.</source>
        <translation>Der verwendete Schlüsselbund ({name}) ist nicht sicher: kein Secret Service läuft, daher speichert AttachGuard Ihren API-Schlüssel dort nicht.</translation>
    </message>
    <message>
        <source>Meanwhile you can use a key until you quit: it is kept in memory only and never written to disk.</source>
        <translation>Bis dahin können Sie einen Schlüssel bis zum Beenden verwenden: er wird nur im Arbeitsspeicher gehalten und nie auf die Festplatte geschrieben.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AttachGuard main window</source>
        <extracomment>After the settings dialog saved a new (or removed the) API key. Every message shown in the status bar (also handy for tests and the e2e log). One add (drop, paste, Add…) finished; carries the :class:`AddSummary`.</extracomment>
        <translation>AttachGuard-Hauptfenster</translation>
    </message>
    <message>
        <source>Search by name (Ctrl+F)</source>
        <translation>Nach Namen suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search documents by name</source>
        <translation>Dokumente nach Namen suchen</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Show only documents in this state (Alt+S)</source>
        <translation>Nur Dokumente in diesem Zustand anzeigen (Alt+S)</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Every document backed up, with its upload state; select one to see its details, the context menu (Shift+F10) acts on the selection</source>
        <translation>Jedes gesicherte Dokument mit seinem Upload-Zustand; eines auswählen zeigt seine Details, das Kontextmenü (Umschalt+F10) wirkt auf die Auswahl</translation>
    </message>
    <message>
        <source>Document count</source>
        <translation>Anzahl der Dokumente</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Statusleiste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Back up and upload files</source>
        <translation>Dateien sichern und hochladen</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Back up a whole folder</source>
        <translation>Einen ganzen Ordner sichern</translation>
    </message>
    <message>
        <source>&amp;Paste files</source>
        <translation>Dateien ein&amp;fügen</translation>
    </message>
    <message>
        <source>Add files copied in a file manager</source>
        <translation>In einem Dateimanager kopierte Dateien hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>API key, uploads, backups</source>
        <translation>API-Schlüssel, Uploads, Sicherungen</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>Hide this window (the tray keeps running)</source>
        <translation>Dieses Fenster ausblenden (das Symbol im Infobereich läuft weiter)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Nach Namen suchen</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Read the document list again</source>
        <translation>Die Dokumentliste neu einlesen</translation>
    </message>
    <message>
        <source>&amp;Uploads</source>
        <translation>&amp;Uploads</translation>
    </message>
    <message>
        <source>Pa&amp;use uploads</source>
        <translation>Uploads an&amp;halten</translation>
    </message>
    <message>
        <source>Pause or resume uploading</source>
        <translation>Hochladen anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>Retry all &amp;failed now</source>
        <translation>Alle &amp;fehlgeschlagenen jetzt wiederholen</translation>
    </message>
    <message>
        <source>Retry every failed upload now</source>
        <translation>Jeden fehlgeschlagenen Upload jetzt wiederholen</translation>
    </message>
    <message>
        <source>Backing up “{name}”…</source>
        <translation>Sichere „{name}“…</translation>
    </message>
    <message>
        <source>Backing up {count} items…</source>
        <translation>Sichere {count} Elemente…</translation>
    </message>
    <message>
        <source>Adding failed: {error}</source>
        <translation>Hinzufügen fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Reading page {done} of {total}…</source>
        <translation>Lese Seite {done} von {total}…</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>Einen Ordner hinzufügen</translation>
    </message>
    <message>
        <source>The clipboard holds no files to add (copy them in a file manager).</source>
        <translation>Die Zwischenablage enthält keine Dateien (kopieren Sie sie in einem Dateimanager).</translation>
    </message>
    <message>
        <source>Backing up {count} item(s); {skipped} were not local files and were skipped.</source>
        <translation>Sichere {count} Element(e); {skipped} waren keine lokalen Dateien und wurden übersprungen.</translation>
    </message>
    <message>
        <source>{shown} of 1 document match</source>
        <translation>{shown} von 1 Dokument passen</translation>
    </message>
    <message>
        <source>{shown} of {total} documents match</source>
        <translation>{shown} von {total} Dokumenten passen</translation>
    </message>
    <message>
        <source>(searching, {read} read)</source>
        <translation>(suche, {read} gelesen)</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 Dokument</translation>
    </message>
    <message>
        <source>{total} documents</source>
        <translation>{total} Dokumente</translation>
    </message>
    <message>
        <source>Res&amp;ume uploads</source>
        <translation>Uploads fort&amp;setzen</translation>
    </message>
    <message>
        <source>Uploads resumed.</source>
        <translation>Uploads fortgesetzt.</translation>
    </message>
    <message>
        <source>Uploads paused.</source>
        <translation>Uploads angehalten.</translation>
    </message>
    <message>
        <source>Retrying {count} upload(s) now.</source>
        <translation>{count} Upload(s) werden jetzt wiederholt.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Nichts zu wiederholen.</translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation>Das hat nicht geklappt: {error}</translation>
    </message>
    <message>
        <source>API key saved.</source>
        <translation>API-Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>API key removed.</source>
        <translation>API-Schlüssel entfernt.</translation>
    </message>
    <message>
        <source>Settings saved. Upload limits and the base URL apply after AttachGuard restarts.</source>
        <translation>Einstellungen gespeichert. Upload-Grenzen und die Basis-URL gelten nach einem Neustart von AttachGuard.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Now watching {count} folder(s).</source>
        <translation>Jetzt werden {count} Ordner überwacht.</translation>
    </message>
    <message>
        <source>Watched folders not updated: {error}</source>
        <translation>Überwachte Ordner nicht aktualisiert: {error}</translation>
    </message>
    <message>
        <source>Document actions</source>
        <translation>Dokumentaktionen</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>it is larger than OpenAI accepts</source>
        <extracomment>Why an upload failed for good, in words a user understands (keys: ErrorKind values).</extracomment>
        <translation>sie ist größer, als OpenAI annimmt</translation>
    </message>
    <message>
        <source>OpenAI refused the file</source>
        <translation>OpenAI hat die Datei abgelehnt</translation>
    </message>
    <message>
        <source>the API key was refused</source>
        <translation>der API-Schlüssel wurde abgelehnt</translation>
    </message>
    <message>
        <source>OpenAI kept rate-limiting the upload</source>
        <translation>OpenAI hat den Upload immer wieder gedrosselt</translation>
    </message>
    <message>
        <source>OpenAI&apos;s servers kept failing</source>
        <translation>die Server von OpenAI fielen immer wieder aus</translation>
    </message>
    <message>
        <source>the network kept failing</source>
        <translation>das Netzwerk fiel immer wieder aus</translation>
    </message>
    <message>
        <source>the uploaded file expired on OpenAI&apos;s side</source>
        <translation>die hochgeladene Datei ist bei OpenAI abgelaufen</translation>
    </message>
    <message>
        <source>it kept failing</source>
        <translation>es schlug immer wieder fehl</translation>
    </message>
    <message>
        <source>Click to copy its text and paste that instead.</source>
        <extracomment>Buttons of their own (key, label), handled by ``NoticeDisplay.on_action(key, …)``; the first is also what a click on the balloon does (e.g. the failover offer&apos;s &quot;Upload to …&quot;). The last sentence of a failure notice: a balloon is clicked, a notification has buttons.</extracomment>
        <translation>Klicken Sie, um den Text zu kopieren und stattdessen einzufügen.</translation>
    </message>
    <message>
        <source>Click to copy their text and paste that instead.</source>
        <translation>Klicken Sie, um ihren Text zu kopieren und stattdessen einzufügen.</translation>
    </message>
    <message>
        <source>Use “Copy text” to copy its text and paste that instead.</source>
        <translation>Nutzen Sie „Text kopieren“, um den Text zu kopieren und stattdessen einzufügen.</translation>
    </message>
    <message>
        <source>Use “Copy text” to copy their text and paste that instead.</source>
        <translation>Nutzen Sie „Text kopieren“, um ihren Text zu kopieren und stattdessen einzufügen.</translation>
    </message>
    <message>
        <source>Upload expired</source>
        <translation>Upload abgelaufen</translation>
    </message>
    <message>
        <source>{name} expired on OpenAI&apos;s side. It is still backed up here.</source>
        <translation>{name} ist bei OpenAI abgelaufen. Die Sicherung hier ist weiterhin vorhanden.</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>Upload fehlgeschlagen</translation>
    </message>
    <message>
        <source>{name} could not be uploaded: {reason}. It is still backed up here.</source>
        <translation>{name} konnte nicht hochgeladen werden: {reason}. Die Sicherung hier ist weiterhin vorhanden.</translation>
    </message>
    <message>
        <source>{count} uploads need attention</source>
        <translation>{count} Uploads brauchen Aufmerksamkeit</translation>
    </message>
    <message>
        <source>{count} expired</source>
        <translation>{count} abgelaufen</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} fehlgeschlagen</translation>
    </message>
    <message>
        <source>{count} documents could not be uploaded ({details}). They are still backed up here.</source>
        <translation>{count} Dokumente konnten nicht hochgeladen werden ({details}). Sie sind hier weiterhin gesichert.</translation>
    </message>
    <message>
        <source>{name} was uploaded.</source>
        <translation>{name} wurde hochgeladen.</translation>
    </message>
    <message>
        <source>{count} documents were uploaded.</source>
        <translation>{count} Dokumente wurden hochgeladen.</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Copy text</source>
        <extracomment>The buttons of a failure notice (key, label), in the order the server shows them. (Labels are translated when shown: see :func:`_actions`.)</extracomment>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Text preview — AttachGuard</source>
        <translation>Text-Vorschau — AttachGuard</translation>
    </message>
    <message>
        <source>Text preview</source>
        <translation>Text-Vorschau</translation>
    </message>
    <message>
        <source>Last copy</source>
        <translation>Letzte Kopie</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the preview (the text stays cached for next time)</source>
        <translation>Die Vorschau schließen (der Text bleibt für das nächste Mal zwischengespeichert)</translation>
    </message>
    <message>
        <source>Text of {name} — AttachGuard</source>
        <translation>Text von {name} — AttachGuard</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>Text preview</source>
        <extracomment>The prompt is shown (a ``FallbackPrompt``). The prompt could not be built: one sentence for the user. A part was copied (a ``CopyResult``). Extraction progress: pages done, pages in all. How long the last build took from request to text on screen (for the benchmark).</extracomment>
        <translation>Text-Vorschau</translation>
    </message>
    <message>
        <source>Size of each part</source>
        <translation>Größe jedes Teils</translation>
    </message>
    <message>
        <source>Where the text will be pasted: it is split into parts that fit there</source>
        <translation>Wo der Text eingefügt wird: er wird in Teile geteilt, die dort passen</translation>
    </message>
    <message>
        <source>{description} (up to {tokens} tokens a part)</source>
        <translation>{description} (bis zu {tokens} Tokens je Teil)</translation>
    </message>
    <message>
        <source>Si&amp;ze for:</source>
        <translation>&amp;Größe für:</translation>
    </message>
    <message>
        <source>Pages or sheet</source>
        <translation>Seiten oder Blatt</translation>
    </message>
    <message>
        <source>all (or pages 3-10, or a sheet name)</source>
        <translation>alles (oder Seiten 3-10 oder ein Blattname)</translation>
    </message>
    <message>
        <source>Only these pages or slides (3-10, 1,4-6) or this sheet; empty for everything. Press Enter to apply.</source>
        <translation>Nur diese Seiten oder Folien (3-10, 1,4-6) oder dieses Blatt; leer für alles. Mit Eingabe übernehmen.</translation>
    </message>
    <message>
        <source>&amp;Pages/sheet:</source>
        <translation>&amp;Seiten/Blatt:</translation>
    </message>
    <message>
        <source>Extraction progress</source>
        <translation>Fortschritt der Extraktion</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop extracting the text</source>
        <translation>Extraktion des Textes abbrechen</translation>
    </message>
    <message>
        <source>Stop reading the document; the pages read so far are kept for next time</source>
        <translation>Das Lesen des Dokuments abbrechen; die bisher gelesenen Seiten bleiben für das nächste Mal</translation>
    </message>
    <message>
        <source>Size of the text</source>
        <translation>Größe des Textes</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>The parts the text is split into; select one to see it, Copy puts it on the clipboard</source>
        <translation>Die Teile, in die der Text geteilt ist; einen auswählen zeigt ihn, Kopieren legt ihn in die Zwischenablage</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Copy &amp;next part</source>
        <translation>&amp;Nächsten Teil kopieren</translation>
    </message>
    <message>
        <source>Copy the next part</source>
        <translation>Den nächsten Teil kopieren</translation>
    </message>
    <message>
        <source>Put the next part on the clipboard, ready to paste after the last one</source>
        <translation>Den nächsten Teil in die Zwischenablage legen, bereit zum Einfügen nach dem letzten</translation>
    </message>
    <message>
        <source>The text as it will be pasted</source>
        <translation>Der Text, wie er eingefügt wird</translation>
    </message>
    <message>
        <source>{reason}. Try 3-10, or a sheet&apos;s name.</source>
        <translation>{reason}. Versuchen Sie 3-10 oder den Namen eines Blatts.</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>Dokument wird gelesen…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Reading page {done} of {total}…</source>
        <translation>Seite {done} von {total} wird gelesen…</translation>
    </message>
    <message>
        <source>Stopped. The pages read so far are kept: the next preview goes on from there.</source>
        <translation>Angehalten. Die bisher gelesenen Seiten bleiben erhalten: Die nächste Vorschau macht dort weiter.</translation>
    </message>
    <message>
        <source>{chars} characters, {tokens} tokens ({tokenizer}), in 1 part.</source>
        <translation>{chars} Zeichen, {tokens} Tokens ({tokenizer}), in 1 Teil.</translation>
    </message>
    <message>
        <source>{chars} characters, {tokens} tokens ({tokenizer}), in {count} parts.</source>
        <translation>{chars} Zeichen, {tokens} Tokens ({tokenizer}), in {count} Teilen.</translation>
    </message>
    <message>
        <source>Left out: {skipped}</source>
        <translation>Ausgelassen: {skipped}</translation>
    </message>
    <message>
        <source>{part} of {count}</source>
        <translation>{part} von {count}</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>{tokens} tokens, {chars} characters</source>
        <translation>{tokens} Tokens, {chars} Zeichen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy part {part}</source>
        <translation>Teil {part} kopieren</translation>
    </message>
    <message>
        <source>Put part {part} on the clipboard, ready to paste</source>
        <translation>Teil {part} in die Zwischenablage legen, bereit zum Einfügen</translation>
    </message>
    <message>
        <source>Put part {part} of {count} on the clipboard</source>
        <translation>Teil {part} von {count} in die Zwischenablage legen</translation>
    </message>
    <message>
        <source>There is no text to copy yet.</source>
        <translation>Es gibt noch keinen Text zum Kopieren.</translation>
    </message>
    <message>
        <source>Copy &amp;next part ({part} of {count})</source>
        <translation>&amp;Nächsten Teil kopieren ({part} von {count})</translation>
    </message>
    <message>
        <source>There is no text to show for that document.</source>
        <extracomment>&quot;3-10&quot;, &quot;1, 4-6&quot;, &quot;pages 5-&quot;: a page (or slide) selection; anything else names a sheet.</extracomment>
        <translation>Für dieses Dokument gibt es keinen Text zum Anzeigen.</translation>
    </message>
    <message>
        <source>Something went wrong while extracting the text (details are in the log)</source>
        <translation>Beim Auslesen des Textes ist etwas schiefgegangen (Einzelheiten im Protokoll)</translation>
    </message>
</context>
<context>
    <name>QueueStatusLabels</name>
    <message>
        <source>Upload queue state</source>
        <extracomment>Emitted with the ``QueueStatus`` after every successful read.</extracomment>
        <translation>Zustand der Upload-Warteschlange</translation>
    </message>
    <message>
        <source>Service state</source>
        <translation>Zustand des Dienstes</translation>
    </message>
    <message>
        <source>Queue status unavailable: {error}</source>
        <translation>Status der Warteschlange nicht verfügbar: {error}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>AttachGuard settings</source>
        <extracomment>Emitted with a one-line message when saving failed (also shown in the dialog).</extracomment>
        <translation>AttachGuard-Einstellungen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <extracomment>After a save: whether a changed setting only takes effect after a restart. After a save of the settings (not only the key): what it changed. The login-item writer for this platform; replaceable (tests use a temp folder).</extracomment>
        <translation>Einstellungsbereiche</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Uploads</source>
        <translation>&amp;Uploads</translation>
    </message>
    <message>
        <source>&amp;Backups &amp;&amp; text</source>
        <translation>&amp;Sicherungen &amp;&amp; Text</translation>
    </message>
    <message>
        <source>&amp;Watched folders</source>
        <translation>Über&amp;wachte Ordner</translation>
    </message>
    <message>
        <source>Tar&amp;gets</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <source>A&amp;pp</source>
        <translation>A&amp;nwendung</translation>
    </message>
    <message>
        <source>Settings file problem</source>
        <translation>Problem mit der Einstellungsdatei</translation>
    </message>
    <message>
        <source>Save error</source>
        <translation>Fehler beim Speichern</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Schließen ohne zu speichern</translation>
    </message>
    <message>
        <source>sk-…  (leave empty to keep the stored key)</source>
        <translation>sk-…  (leer lassen, um den gespeicherten Schlüssel zu behalten)</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Your OpenAI API key; stored only in the OS keyring</source>
        <translation>Ihr OpenAI-API-Schlüssel; nur im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation>API-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Show the key while typing</source>
        <translation>Den Schlüssel beim Tippen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation>Gespeicherten Schlüssel &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation>Gespeicherten Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Delete the key from the keyring</source>
        <translation>Den Schlüssel aus dem Schlüsselbund löschen</translation>
    </message>
    <message>
        <source>Use this key until I &amp;quit</source>
        <translation>Schlüssel bis zum &amp;Beenden verwenden</translation>
    </message>
    <message>
        <source>Use this key until I quit</source>
        <translation>Schlüssel bis zum Beenden verwenden</translation>
    </message>
    <message>
        <source>Keep the key in memory only, for uploads until AttachGuard quits</source>
        <translation>Den Schlüssel nur im Arbeitsspeicher halten, für Uploads bis AttachGuard beendet wird</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>Schlüsselbund wird geprüft…</translation>
    </message>
    <message>
        <source>API key status</source>
        <translation>Status des API-Schlüssels</translation>
    </message>
    <message>
        <source>Keyring backend</source>
        <translation>Schlüsselbund-Backend</translation>
    </message>
    <message>
        <source>Keyring warning</source>
        <translation>Schlüsselbund-Warnung</translation>
    </message>
    <message>
        <source>{name} is set in the environment; it is used instead of the stored key.</source>
        <translation>{name} ist in der Umgebung gesetzt; es wird statt des gespeicherten Schlüssels verwendet.</translation>
    </message>
    <message>
        <source>https://api.openai.com/v1</source>
        <translation>https://api.openai.com/v1</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>API base URL; leave empty for the public API</source>
        <translation>Basis-URL der API; leer lassen für die öffentliche API</translation>
    </message>
    <message>
        <source>{name} is set in the environment; {url} is used while this is empty.</source>
        <translation>{name} ist in der Umgebung gesetzt; solange dieses Feld leer ist, wird {url} verwendet.</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Keyring:</source>
        <translation>Schlüsselbund:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>Upload documents as soon as they are added</source>
        <translation>Dokumente hochladen, sobald sie hinzugefügt sind</translation>
    </message>
    <message>
        <source>Upload automatically</source>
        <translation>Automatisch hochladen</translation>
    </message>
    <message>
        <source>Otherwise documents are only backed up</source>
        <translation>Sonst werden Dokumente nur gesichert</translation>
    </message>
    <message>
        <source>Default purpose</source>
        <translation>Standardzweck</translation>
    </message>
    <message>
        <source>Purpose sent with each upload</source>
        <translation>Zweck, der mit jedem Upload gesendet wird</translation>
    </message>
    <message>
        <source>Uploaded files expire after</source>
        <translation>Hochgeladene Dateien laufen ab nach</translation>
    </message>
    <message>
        <source>Uploaded files expire</source>
        <translation>Hochgeladene Dateien laufen ab</translation>
    </message>
    <message>
        <source>Ask the service to delete files later</source>
        <translation>Den Dienst bitten, Dateien später zu löschen</translation>
    </message>
    <message>
        <source>Expiry in hours</source>
        <translation>Ablauf in Stunden</translation>
    </message>
    <message>
        <source>1 hour to 30 days</source>
        <translation>1 Stunde bis 30 Tage</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Parallel uploads</source>
        <translation>Gleichzeitige Uploads</translation>
    </message>
    <message>
        <source>How many uploads run at once</source>
        <translation>Wie viele Uploads gleichzeitig laufen</translation>
    </message>
    <message>
        <source>Keep retrying for</source>
        <translation>Wiederholen während</translation>
    </message>
    <message>
        <source>Hours after the first attempt, during outages</source>
        <translation>Stunden nach dem ersten Versuch, bei Ausfällen</translation>
    </message>
    <message>
        <source>Maximum attempts</source>
        <translation>Maximale Versuche</translation>
    </message>
    <message>
        <source>Attempts before a job fails</source>
        <translation>Versuche, bevor ein Auftrag fehlschlägt</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>Longest wait between attempts</source>
        <translation>Längste Wartezeit zwischen Versuchen</translation>
    </message>
    <message>
        <source>In seconds</source>
        <translation>In Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default &amp;purpose:</source>
        <translation>Standard-&amp;Zweck:</translation>
    </message>
    <message>
        <source>Parallel up&amp;loads:</source>
        <translation>Gleichzeitige &amp;Uploads:</translation>
    </message>
    <message>
        <source>Maximum &amp;attempts:</source>
        <translation>Maximale &amp;Versuche:</translation>
    </message>
    <message>
        <source>Longest &amp;wait between attempts:</source>
        <translation>Längste &amp;Wartezeit zwischen Versuchen:</translation>
    </message>
    <message>
        <source>Keep retr&amp;ying for:</source>
        <translation>&amp;Wiederholen während:</translation>
    </message>
    <message>
        <source>The base URL, parallel uploads and retry limits apply from the next start of AttachGuard; purpose and expiry apply to documents added from now on.</source>
        <translation>Basis-URL, gleichzeitige Uploads und Wiederholungsgrenzen gelten ab dem nächsten Start von AttachGuard; Zweck und Ablauf gelten für ab jetzt hinzugefügte Dokumente.</translation>
    </message>
    <message>
        <source>Token budget</source>
        <translation>Token-Budget</translation>
    </message>
    <message>
        <source>Largest text fallback, in tokens</source>
        <translation>Größter Text-Ersatz, in Tokens</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>Part size for</source>
        <translation>Teilgröße für</translation>
    </message>
    <message>
        <source>Where the copied text goes; the preview and Copy text size its parts for it</source>
        <translation>Wohin der kopierte Text geht; die Vorschau und „Text kopieren“ bemessen die Teile danach</translation>
    </message>
    <message>
        <source>ChatGPT message size</source>
        <translation>Größe einer ChatGPT-Nachricht</translation>
    </message>
    <message>
        <source>Tokens in one ChatGPT message</source>
        <translation>Tokens in einer ChatGPT-Nachricht</translation>
    </message>
    <message>
        <source>Remove backups older than</source>
        <translation>Sicherungen entfernen, die älter sind als</translation>
    </message>
    <message>
        <source>Limit backup age</source>
        <translation>Alter der Sicherungen begrenzen</translation>
    </message>
    <message>
        <source>Pending uploads are never removed</source>
        <translation>Ausstehende Uploads werden nie entfernt</translation>
    </message>
    <message>
        <source>Backup age in days</source>
        <translation>Alter der Sicherungen in Tagen</translation>
    </message>
    <message>
        <source>Days to keep</source>
        <translation>Aufbewahrungsdauer in Tagen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep backups under</source>
        <translation>Sicherungen begrenzen auf</translation>
    </message>
    <message>
        <source>Limit backup size</source>
        <translation>Größe der Sicherungen begrenzen</translation>
    </message>
    <message>
        <source>Oldest backups are removed first</source>
        <translation>Die ältesten Sicherungen werden zuerst entfernt</translation>
    </message>
    <message>
        <source>Backup size limit</source>
        <translation>Größengrenze der Sicherungen</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Gesamtgröße</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>OpenAI API part si&amp;ze:</source>
        <translation>Teilgröße für die OpenAI-A&amp;PI:</translation>
    </message>
    <message>
        <source>Part size of the OpenAI API preset, in tokens</source>
        <translation>Teilgröße der Voreinstellung „OpenAI-API“, in Tokens</translation>
    </message>
    <message>
        <source>&amp;Chat part size:</source>
        <translation>Teilgröße für &amp;Chat:</translation>
    </message>
    <message>
        <source>Size parts &amp;for:</source>
        <translation>Teile bemessen &amp;für:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Follow the system, or always light or dark</source>
        <translation>Dem System folgen oder immer hell oder dunkel</translation>
    </message>
    <message>
        <source>Notify when an upload succeeds</source>
        <translation>Benachrichtigen, wenn ein Upload gelingt</translation>
    </message>
    <message>
        <source>Success notifications</source>
        <translation>Erfolgsmeldungen</translation>
    </message>
    <message>
        <source>Failures are always notified</source>
        <translation>Fehler werden immer gemeldet</translation>
    </message>
    <message>
        <source>Start AttachGuard when I log in</source>
        <translation>AttachGuard bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Bei Anmeldung starten</translation>
    </message>
    <message>
        <source>Adds AttachGuard to your session</source>
        <translation>Fügt AttachGuard Ihrer Sitzung hinzu</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>The settings file cannot be read, so it will not be changed from here: {problem}. Fix or remove the file and reopen this dialog. The API key can still be saved.</source>
        <translation>Die Einstellungsdatei kann nicht gelesen werden und wird daher hier nicht geändert: {problem}. Reparieren oder entfernen Sie die Datei und öffnen Sie diesen Dialog erneut. Der API-Schlüssel kann trotzdem gespeichert werden.</translation>
    </message>
    <message>
        <source>A key is in use until you quit; it is not saved anywhere.</source>
        <translation>Ein Schlüssel ist bis zum Beenden in Gebrauch; er wird nirgends gespeichert.</translation>
    </message>
    <message>
        <source>A key is stored in the keyring.</source>
        <translation>Im Schlüsselbund ist ein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>No key is stored.</source>
        <translation>Kein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>The keyring could not be read: {error}</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Type or paste the API key first.</source>
        <translation>Geben Sie zuerst den API-Schlüssel ein oder fügen Sie ihn ein.</translation>
    </message>
    <message>
        <source>Not used: {error}</source>
        <translation>Nicht verwendet: {error}</translation>
    </message>
    <message>
        <source>The stored key will be removed when you save.</source>
        <translation>Der gespeicherte Schlüssel wird beim Speichern entfernt.</translation>
    </message>
    <message>
        <source>The base URL must start with https:// (or http:// for a local server).</source>
        <translation>Die Basis-URL muss mit https:// beginnen (oder http:// für einen lokalen Server).</translation>
    </message>
    <message>
        <source>Nothing was saved: the settings file must be fixed first.</source>
        <translation>Nichts wurde gespeichert: die Einstellungsdatei muss erst repariert werden.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Saved, but start at login could not be changed: {error}</source>
        <translation>Gespeichert, aber der Start bei der Anmeldung konnte nicht geändert werden: {error}</translation>
    </message>
</context>
<context>
    <name>SizePresets</name>
    <message>
        <source>ChatGPT message</source>
        <translation>ChatGPT-Nachricht</translation>
    </message>
    <message>
        <source>one ChatGPT message per part (setting fallback.chat_part_tokens)</source>
        <translation>eine ChatGPT-Nachricht je Teil (Einstellung fallback.chat_part_tokens)</translation>
    </message>
    <message>
        <source>OpenAI API</source>
        <translation>OpenAI-API</translation>
    </message>
    <message>
        <source>a model&apos;s context through the API (setting fallback.max_tokens)</source>
        <translation>der Kontext eines Modells über die API (Einstellung fallback.max_tokens)</translation>
    </message>
    <message>
        <source>Claude</source>
        <translation>Claude</translation>
    </message>
    <message>
        <source>one Claude.ai message per part</source>
        <translation>eine Claude.ai-Nachricht je Teil</translation>
    </message>
    <message>
        <source>Gemini</source>
        <translation>Gemini</translation>
    </message>
    <message>
        <source>one Gemini app message per part</source>
        <translation>eine Nachricht der Gemini-App je Teil</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>Lokales Modell</translation>
    </message>
    <message>
        <source>a local model with a 4k-token context (Ollama, LM Studio)</source>
        <translation>ein lokales Modell mit 4k-Token-Kontext (Ollama, LM Studio)</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Uploads paused by you (Ctrl+Shift+P resumes)</source>
        <translation>Uploads von Ihnen angehalten (Strg+Umschalt+P setzt fort)</translation>
    </message>
    <message>
        <source>Uploads paused until you add an API key in Settings (Ctrl+,)</source>
        <translation>Uploads angehalten, bis Sie in den Einstellungen einen API-Schlüssel hinzufügen (Strg+,)</translation>
    </message>
    <message>
        <source>Uploads paused: the API key was rejected; check it in Settings</source>
        <translation>Uploads angehalten: der API-Schlüssel wurde abgelehnt; prüfen Sie ihn in den Einstellungen</translation>
    </message>
    <message>
        <source>Uploads paused: the OpenAI account is out of credit; add credit, then resume uploads</source>
        <translation>Uploads angehalten: das OpenAI-Konto hat kein Guthaben mehr; laden Sie Guthaben auf und setzen Sie die Uploads fort</translation>
    </message>
    <message>
        <source>Uploads paused: rate limited by the service{next}</source>
        <translation>Uploads angehalten: vom Dienst gedrosselt{next}</translation>
    </message>
    <message>
        <source>Service trouble: too many failures in a row{next}</source>
        <translation>Dienststörung: zu viele Fehler hintereinander{next}</translation>
    </message>
    <message>
        <source>Service trouble: the provider reports an outage{next}</source>
        <translation>Dienststörung: der Anbieter meldet einen Ausfall{next}</translation>
    </message>
    <message>
        <source>when OpenAI recovers</source>
        <extracomment>While uploads wait (to retry, or for OpenAI), the status is read again this often.</extracomment>
        <translation>wenn OpenAI wieder läuft</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>laden hoch</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>warten auf neuen Versuch</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>All uploads done</source>
        <translation>Alle Uploads fertig</translation>
    </message>
    <message>
        <source>; next try {when}</source>
        <translation>; nächster Versuch {when}</translation>
    </message>
    <message>
        <source>Service trouble: uploads are held{next}</source>
        <translation>Dienststörung: Uploads werden zurückgehalten{next}</translation>
    </message>
    <message>
        <source>Some uploads need attention</source>
        <translation>Einige Uploads brauchen Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Retrying 1 upload{next}</source>
        <translation>1 Upload wird wiederholt{next}</translation>
    </message>
    <message>
        <source>Retrying {count} uploads{next}</source>
        <translation>{count} Uploads werden wiederholt{next}</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Lädt hoch</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
</context>
<context>
    <name>TargetKeys</name>
    <message>
        <source>Upload targets</source>
        <extracomment>After the list was (re)read: carries the states. A one-line outcome of &quot;Set key…&quot; (stored, or why not).</extracomment>
        <translation>Upload-Ziele</translation>
    </message>
    <message>
        <source>Upload targets and their keys</source>
        <extracomment>Asks for a key (title, target name) and returns it, &quot;&quot; when cancelled; a seam so tests do not drive a modal dialog.</extracomment>
        <translation>Upload-Ziele und ihre Schlüssel</translation>
    </message>
    <message>
        <source>Where documents are uploaded, and whether each has its API key</source>
        <translation>Wohin Dokumente hochgeladen werden und ob jedes Ziel seinen API-Schlüssel hat</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Set key…</source>
        <translation>Schlüssel &amp;festlegen…</translation>
    </message>
    <message>
        <source>Store a key for the selected target in the OS keyring, under its own entry</source>
        <translation>Einen Schlüssel für das ausgewählte Ziel unter einem eigenen Eintrag im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>Targets are listed in settings.toml as [[targets]] tables; a change there takes effect after a restart. Keys never go to a file.</source>
        <translation>Ziele stehen in settings.toml als [[targets]]-Tabellen; eine Änderung dort wirkt nach einem Neustart. Schlüssel landen nie in einer Datei.</translation>
    </message>
    <message>
        <source>Cannot read the targets: {error}</source>
        <translation>Die Ziele können nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>Key for {name}</source>
        <translation>Schlüssel für {name}</translation>
    </message>
    <message>
        <source>API key for the upload target {name}:</source>
        <translation>API-Schlüssel für das Upload-Ziel {name}:</translation>
    </message>
    <message>
        <source>The key for {name} is stored in the keyring.</source>
        <translation>Der Schlüssel für {name} ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The key for {name} was not stored: {error}</source>
        <translation>Der Schlüssel für {name} wurde nicht gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>TargetsView</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>wird hochgeladen</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>wartet auf neuen Versuch</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>hochgeladen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>{done}/{count} targets</source>
        <translation>{done}/{count} Ziele</translation>
    </message>
    <message>
        <source>expires {when}</source>
        <translation>läuft ab {when}</translation>
    </message>
    <message>
        <source>kept until deleted</source>
        <translation>bleibt bis zum Löschen</translation>
    </message>
    <message>
        <source>not uploaded, {state}</source>
        <translation>nicht hochgeladen, {state}</translation>
    </message>
    <message>
        <source>Upload targets</source>
        <extracomment>After the states were painted (carries the list).</extracomment>
        <translation>Upload-Ziele</translation>
    </message>
    <message>
        <source>Upload targets and their state</source>
        <translation>Upload-Ziele und ihr Zustand</translation>
    </message>
    <message>
        <source>Whether each upload target takes uploads now, and if not, why</source>
        <translation>Ob jedes Upload-Ziel jetzt Uploads annimmt, und wenn nicht, warum</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source> (primary)</source>
        <translation> (primär)</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <extracomment>The theme choices&apos; names (``theme.CHOICES`` values), translated when shown.</extracomment>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>AttachGuard cannot start</source>
        <extracomment>How long a launch that lost the race for the lock waits for the winner to start listening. With no tray at start, look for one every 2 s for 2 minutes (login race with the panel).</extracomment>
        <translation>AttachGuard kann nicht starten</translation>
    </message>
    <message>
        <source>Add files to AttachGuard</source>
        <translation>Dateien zu AttachGuard hinzufügen</translation>
    </message>
    <message>
        <source>Retrying {count} upload(s) now.</source>
        <translation>{count} Upload(s) werden jetzt wiederholt.</translation>
    </message>
    <message>
        <source>it is not making progress</source>
        <translation>er kommt nicht voran</translation>
    </message>
    <message>
        <source>A batch looks stuck</source>
        <translation>Ein Batch scheint festzuhängen</translation>
    </message>
    <message>
        <source>Batch {batch} ({status}): {reason}. Its input file is backed up; click to see it and resubmit it.</source>
        <translation>Batch {batch} ({status}): {reason}. Die Eingabedatei ist gesichert; klicken Sie, um sie anzuzeigen und erneut einzureichen.</translation>
    </message>
    <message>
        <source>Uploads are paused until you add an API key. Your documents are still backed up. Click here to open Settings.</source>
        <translation>Uploads sind angehalten, bis Sie einen API-Schlüssel hinzufügen. Ihre Dokumente werden weiterhin gesichert. Klicken Sie hier, um die Einstellungen zu öffnen.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Pa&amp;use uploads</source>
        <extracomment>How often a shown retry time is re-described, and how often, once it has passed, the queue is read again while nothing else refreshes it. Pause and Resume share their mnemonic (U), so the key that paused also resumes.</extracomment>
        <translation>Uploads an&amp;halten</translation>
    </message>
    <message>
        <source>Res&amp;ume uploads</source>
        <translation>Uploads fort&amp;setzen</translation>
    </message>
    <message>
        <source>upload failed</source>
        <translation>Upload fehlgeschlagen</translation>
    </message>
    <message>
        <source>expired on OpenAI</source>
        <translation>bei OpenAI abgelaufen</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>AttachGuard: starting</source>
        <extracomment>Emitted on the GUI thread after each applied snapshot. Every &quot;Copy text instead&quot; outcome (from the menu, a notification click or the CLI). (title, text) of every message shown (also when the platform has no tray to show it). &quot;Preview text…&quot;: the entry id of the document whose text the preview should show. Where the platform&apos;s colour scheme is read (tests pass their own: the offscreen platform cannot change it).</extracomment>
        <translation>AttachGuard: startet</translation>
    </message>
    <message>
        <source>AttachGuard tray menu</source>
        <translation>AttachGuard-Menü im Infobereich</translation>
    </message>
    <message>
        <source>Uploads paused until you add an API key</source>
        <translation>Uploads angehalten, bis Sie einen API-Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Add your API key in Settings to upload; copying text works without one</source>
        <translation>Fügen Sie Ihren API-Schlüssel in den Einstellungen hinzu, um hochzuladen; Text kopieren geht auch ohne</translation>
    </message>
    <message>
        <source>&amp;Open AttachGuard</source>
        <translation>AttachGuard ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the window with every document and its state</source>
        <translation>Das Fenster mit jedem Dokument und seinem Zustand zeigen</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Choose files to back up and upload, as if dropped on the window</source>
        <translation>Dateien zum Sichern und Hochladen wählen, als wären sie auf das Fenster gezogen</translation>
    </message>
    <message>
        <source>&amp;Copy text instead</source>
        <translation>Stattdessen &amp;Text kopieren</translation>
    </message>
    <message>
        <source>Put the text of the latest failed or expired document (else the latest added) on the clipboard, ready to paste</source>
        <translation>Den Text des neuesten fehlgeschlagenen oder abgelaufenen Dokuments (sonst des zuletzt hinzugefügten) in die Zwischenablage legen, bereit zum Einfügen</translation>
    </message>
    <message>
        <source>Copy text o&amp;f…</source>
        <translation>Text &amp;von… kopieren</translation>
    </message>
    <message>
        <source>Copy the text of a recent document</source>
        <translation>Den Text eines neueren Dokuments kopieren</translation>
    </message>
    <message>
        <source>Put the text of one of the latest documents on the clipboard</source>
        <translation>Den Text eines der neuesten Dokumente in die Zwischenablage legen</translation>
    </message>
    <message>
        <source>Pre&amp;view text…</source>
        <translation>Text-&amp;Vorschau…</translation>
    </message>
    <message>
        <source>See the text “Copy text instead” would copy, part by part, before copying</source>
        <translation>Den Text, den „Stattdessen Text kopieren“ kopieren würde, vorher Teil für Teil ansehen</translation>
    </message>
    <message>
        <source>&amp;Retry failed now</source>
        <translation>Fehlgeschlagene jetzt &amp;wiederholen</translation>
    </message>
    <message>
        <source>Upload every failed document again now, without waiting for the next try</source>
        <translation>Jedes fehlgeschlagene Dokument jetzt erneut hochladen, ohne auf den nächsten Versuch zu warten</translation>
    </message>
    <message>
        <source>Stop starting uploads until you resume (documents are still backed up)</source>
        <translation>Keine neuen Uploads starten, bis Sie fortsetzen (Dokumente werden weiter gesichert)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Change the API key, watched folders, upload targets and text sizes</source>
        <translation>API-Schlüssel, überwachte Ordner, Upload-Ziele und Textgrößen ändern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close AttachGuard (waiting uploads resume at the next start)</source>
        <translation>AttachGuard beenden (wartende Uploads gehen beim nächsten Start weiter)</translation>
    </message>
    <message>
        <source>AttachGuard: starting…</source>
        <extracomment>The icon file now shown (a symbolic variant follows the platform&apos;s colour scheme).</extracomment>
        <translation>AttachGuard: startet…</translation>
    </message>
    <message>
        <source>Put the text of {name} on the clipboard</source>
        <translation>Den Text von {name} in die Zwischenablage legen</translation>
    </message>
    <message>
        <source>Start uploading the waiting documents again</source>
        <translation>Die wartenden Dokumente wieder hochladen</translation>
    </message>
    <message>
        <source>There is no document to preview yet: add one.</source>
        <translation>Es gibt noch kein Dokument für eine Vorschau: fügen Sie eines hinzu.</translation>
    </message>
    <message>
        <source>AttachGuard: reading page {done} of {total}</source>
        <translation>AttachGuard: lese Seite {done} von {total}</translation>
    </message>
    <message>
        <source>Retrying 1 document now.</source>
        <translation>1 Dokument wird jetzt wiederholt.</translation>
    </message>
    <message>
        <source>Retrying {count} documents now.</source>
        <translation>{count} Dokumente werden jetzt wiederholt.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Nichts zu wiederholen.</translation>
    </message>
</context>
<context>
    <name>TrayHelpBanner</name>
    <message>
        <source>Until then, AttachGuard works from this window, and closing the window quits it.</source>
        <translation>Bis dahin arbeitet AttachGuard aus diesem Fenster, und das Schließen des Fensters beendet es.</translation>
    </message>
    <message>
        <source>GNOME shows no tray icons by itself: install the AppIndicator extension (package gnome-shell-extension-appindicator on Debian and Ubuntu), turn it on in Extensions, log out and back in, and AttachGuard appears in the top bar.</source>
        <extracomment>Per desktop (a word of ``XDG_CURRENT_DESKTOP``, lower case): how to get a tray there.</extracomment>
        <translation>GNOME zeigt von sich aus keine Symbole im Infobereich: Installieren Sie die Erweiterung AppIndicator (Paket gnome-shell-extension-appindicator unter Debian und Ubuntu), schalten Sie sie unter Erweiterungen ein, melden Sie sich ab und wieder an, und AttachGuard erscheint in der oberen Leiste.</translation>
    </message>
    <message>
        <source>Your Plasma panel has no system tray: right-click the panel, choose Add Widgets, and add the System Tray.</source>
        <translation>Ihre Plasma-Leiste hat keinen Systemabschnitt: Klicken Sie mit der rechten Maustaste auf die Leiste, wählen Sie „Miniprogramme hinzufügen“ und fügen Sie den Systemabschnitt hinzu.</translation>
    </message>
    <message>
        <source>Your Xfce panel has no tray: right-click a panel, choose Panel &gt; Add New Items, and add the Status Tray Plugin.</source>
        <translation>Ihre Xfce-Leiste hat keinen Infobereich: Klicken Sie mit der rechten Maustaste auf eine Leiste, wählen Sie Leiste &gt; Neue Elemente hinzufügen und fügen Sie das Statusbenachrichtigungs-Plugin (Status Tray Plugin) hinzu.</translation>
    </message>
    <message>
        <source>Your bar shows no tray: add the tray module to waybar (&quot;tray&quot; in modules-right) or turn on the tray of the bar you use.</source>
        <translation>Ihre Leiste zeigt keinen Infobereich: Fügen Sie waybar das Modul tray hinzu („tray“ in modules-right) oder schalten Sie den Infobereich der Leiste ein, die Sie nutzen.</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons: add a system tray (status notifier) to your panel or bar, and AttachGuard moves into it.</source>
        <translation>Dieser Desktop zeigt keine Symbole im Infobereich: Fügen Sie Ihrer Leiste einen Infobereich (Status Notifier) hinzu, und AttachGuard zieht dorthin um.</translation>
    </message>
    <message>
        <source>No system tray</source>
        <translation>Kein Infobereich</translation>
    </message>
    <message>
        <source>How to get a tray icon</source>
        <translation>So erhalten Sie ein Symbol im Infobereich</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide this advice</source>
        <translation>Diesen Hinweis ausblenden</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>uploading</source>
        <translation>laden hoch</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>werden geprüft</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>warten auf neuen Versuch</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>hochgeladen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Uploads paused until you add an API key</source>
        <extracomment>How many documents the tray&apos;s &quot;Copy text of…&quot; submenu lists. Pauses during which jobs wait for OpenAI itself to recover. What &quot;Copy text instead&quot; copies (the first) and &quot;Copy text of…&quot; lists, best first. The tooltip shows a retry time that changes as time passes: describe it again each second.</extracomment>
        <translation>Uploads angehalten, bis Sie einen API-Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Uploads paused: the API key was refused</source>
        <translation>Uploads angehalten: der API-Schlüssel wurde abgelehnt</translation>
    </message>
    <message>
        <source>Uploads paused: the OpenAI account is out of credit</source>
        <translation>Uploads angehalten: das OpenAI-Konto hat kein Guthaben mehr</translation>
    </message>
    <message>
        <source>Uploads paused by you</source>
        <translation>Uploads von Ihnen angehalten</translation>
    </message>
    <message>
        <source>OpenAI reports an outage; uploads are on hold</source>
        <translation>OpenAI meldet eine Störung; Uploads sind angehalten</translation>
    </message>
    <message>
        <source>The upload service is failing; retrying later</source>
        <translation>Der Upload-Dienst fällt aus; neuer Versuch später</translation>
    </message>
    <message>
        <source>Rate limited by OpenAI; waiting to retry</source>
        <translation>Von OpenAI gedrosselt; warte auf neuen Versuch</translation>
    </message>
    <message>
        <source>1 document could not be uploaded</source>
        <translation>1 Dokument konnte nicht hochgeladen werden</translation>
    </message>
    <message>
        <source>{count} documents could not be uploaded</source>
        <translation>{count} Dokumente konnten nicht hochgeladen werden</translation>
    </message>
    <message>
        <source>1 uploaded document expired on OpenAI</source>
        <translation>1 hochgeladenes Dokument ist bei OpenAI abgelaufen</translation>
    </message>
    <message>
        <source>{count} uploaded documents expired on OpenAI</source>
        <translation>{count} hochgeladene Dokumente sind bei OpenAI abgelaufen</translation>
    </message>
    <message>
        <source>{count} documents need attention ({failed} could not be uploaded, {expired} expired on OpenAI)</source>
        <translation>{count} Dokumente brauchen Aufmerksamkeit ({failed} nicht hochgeladen, {expired} bei OpenAI abgelaufen)</translation>
    </message>
    <message>
        <source>Uploading 1 document ({percent}%)</source>
        <translation>1 Dokument wird hochgeladen ({percent} %)</translation>
    </message>
    <message>
        <source>Uploading {count} documents ({percent}%)</source>
        <translation>{count} Dokumente werden hochgeladen ({percent} %)</translation>
    </message>
    <message>
        <source>1 document waiting to retry</source>
        <translation>1 Dokument wartet auf einen neuen Versuch</translation>
    </message>
    <message>
        <source>{count} documents waiting to retry</source>
        <translation>{count} Dokumente warten auf einen neuen Versuch</translation>
    </message>
    <message>
        <source>All documents are backed up</source>
        <translation>Alle Dokumente sind gesichert</translation>
    </message>
    <message>
        <source>Next retry: when OpenAI recovers</source>
        <translation>Nächster Versuch: wenn OpenAI wieder läuft</translation>
    </message>
    <message>
        <source>Next retry: {when}</source>
        <translation>Nächster Versuch: {when}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>{clock} (in {seconds} s)</source>
        <translation>{clock} (in {seconds} s)</translation>
    </message>
    <message>
        <source>{clock} (in {minutes} min)</source>
        <translation>{clock} (in {minutes} min)</translation>
    </message>
</context>
<context>
    <name>WatchedFoldersEditor</name>
    <message>
        <source>Watched folders</source>
        <translation>Überwachte Ordner</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <extracomment>Asks the user for a folder; replaceable so tests need not drive a native dialog.</extracomment>
        <translation>Einen Ordner überwachen</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>Unterordner einbeziehen</translation>
    </message>
    <message>
        <source>Upload new files</source>
        <translation>Neue Dateien hochladen</translation>
    </message>
    <message>
        <source>Upload to</source>
        <translation>Hochladen nach</translation>
    </message>
    <message>
        <source>Watched folders list</source>
        <translation>Liste der überwachten Ordner</translation>
    </message>
    <message>
        <source>Folders whose new files are backed up and uploaded, and where they go</source>
        <translation>Ordner, deren neue Dateien gesichert und hochgeladen werden, und wohin</translation>
    </message>
    <message>
        <source>A&amp;dd folder…</source>
        <translation>Ordner hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Add watched folder</source>
        <translation>Überwachten Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Watch another folder (Ctrl+N)</source>
        <translation>Einen weiteren Ordner überwachen (Strg+N)</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove watched folder</source>
        <translation>Überwachten Ordner entfernen</translation>
    </message>
    <message>
        <source>Stop watching the selected folder (Del)</source>
        <translation>Den gewählten Ordner nicht mehr überwachen (Entf)</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>The key was not saved: {error}.</source>
        <extracomment>One sentence about what could not be done (the rest was), or None.</extracomment>
        <translation>Der Schlüssel wurde nicht gespeichert: {error}.</translation>
    </message>
    <message>
        <source>Start at login could not be changed: {error}</source>
        <translation>Der Start bei der Anmeldung konnte nicht geändert werden: {error}</translation>
    </message>
    <message>
        <source>Welcome to AttachGuard</source>
        <extracomment>The login-item writer for this platform; replaceable (tests use a temp folder).</extracomment>
        <translation>Willkommen bei AttachGuard</translation>
    </message>
    <message>
        <source>AttachGuard keeps a safe copy of every document you attach, before anything else happens.&lt;br&gt;It uploads them to OpenAI for you, retries when the service has trouble, and tells you plainly what failed.&lt;br&gt;When an upload cannot work, it puts the document&apos;s text on the clipboard, ready to paste into ChatGPT.</source>
        <translation>AttachGuard legt von jedem Dokument, das Sie anhängen, zuerst eine sichere Kopie an.&lt;br&gt;Es lädt die Dokumente für Sie zu OpenAI hoch, versucht es bei Störungen erneut und sagt klar, was fehlgeschlagen ist.&lt;br&gt;Wenn ein Upload nicht klappt, legt es den Text des Dokuments in die Zwischenablage, bereit zum Einfügen in ChatGPT.</translation>
    </message>
    <message>
        <source>What AttachGuard does</source>
        <translation>Was AttachGuard tut</translation>
    </message>
    <message>
        <source>sk-…  (optional)</source>
        <translation>sk-…  (optional)</translation>
    </message>
    <message>
        <source>OpenAI API key</source>
        <translation>OpenAI-API-Schlüssel</translation>
    </message>
    <message>
        <source>Needed only for uploading; leave empty to use the text fallback only</source>
        <translation>Nur zum Hochladen nötig; leer lassen, um nur den Text-Ersatz zu nutzen</translation>
    </message>
    <message>
        <source>OpenAI API &amp;key:</source>
        <translation>OpenAI-API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Use this key only &amp;until I quit (nothing is saved)</source>
        <translation>Diesen Schlüssel nur bis zum &amp;Beenden verwenden (nichts wird gespeichert)</translation>
    </message>
    <message>
        <source>Use this key until I quit</source>
        <translation>Schlüssel bis zum Beenden verwenden</translation>
    </message>
    <message>
        <source>The key is kept in memory only and forgotten when AttachGuard quits</source>
        <translation>Der Schlüssel wird nur im Arbeitsspeicher gehalten und beim Beenden von AttachGuard vergessen</translation>
    </message>
    <message>
        <source>Keyring missing</source>
        <translation>Schlüsselbund fehlt</translation>
    </message>
    <message>
        <source>&amp;Watch my Downloads folder ({path})</source>
        <translation>Meinen Download-Ordner &amp;überwachen ({path})</translation>
    </message>
    <message>
        <source>Watch Downloads</source>
        <translation>Downloads überwachen</translation>
    </message>
    <message>
        <source>Back up every new file that lands in your Downloads folder</source>
        <translation>Jede neue Datei in Ihrem Download-Ordner sichern</translation>
    </message>
    <message>
        <source>Watch my Downloads folder ({path} does not exist)</source>
        <translation>Meinen Download-Ordner überwachen ({path} existiert nicht)</translation>
    </message>
    <message>
        <source>{path} does not exist, so it cannot be watched. Choose folders to watch in Settings later.</source>
        <translation>{path} existiert nicht und kann daher nicht überwacht werden. Wählen Sie später in den Einstellungen Ordner zum Überwachen.</translation>
    </message>
    <message>
        <source>&amp;Start AttachGuard when I log in</source>
        <translation>AttachGuard bei der Anmeldung &amp;starten</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Bei Anmeldung starten</translation>
    </message>
    <message>
        <source>Adds AttachGuard to your session so it runs in the tray</source>
        <translation>Fügt AttachGuard Ihrer Sitzung hinzu, damit es im Infobereich läuft</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>I only use ChatGPT in the &amp;browser</source>
        <translation>Ich nutze ChatGPT nur im &amp;Browser</translation>
    </message>
    <message>
        <source>Skip the API key</source>
        <translation>API-Schlüssel überspringen</translation>
    </message>
    <message>
        <source>Continue without a key: backups and the text fallback still work</source>
        <translation>Ohne Schlüssel fortfahren: Sicherungen und der Text-Ersatz funktionieren weiterhin</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Save these choices and start using AttachGuard</source>
        <translation>Diese Auswahl speichern und AttachGuard verwenden</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>(the primary)</source>
        <translation>(das primäre)</translation>
    </message>
</context>
</TS>
