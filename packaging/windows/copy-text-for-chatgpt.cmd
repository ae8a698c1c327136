@echo off
rem "Send to > Copy text for ChatGPT", placed by the AttachGuard installer (attachguard.iss).
rem Backs each chosen file up and puts its text on the clipboard, ready to paste into ChatGPT.
rem Only the last file's text stays on the clipboard; the tray says what was copied.
for %%F in (%*) do "%~dp0attachguard.exe" copy-text "%%~F"
